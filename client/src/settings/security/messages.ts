/** Strings of Settings → Security. */
import { defineMessages } from "../../i18n/define-messages.ts";

export const t = defineMessages(
  {
    title: "Security",
    intro: "Who must use two-factor sign-in, and how long a sign-in lasts. Changes are recorded in the audit log.",
    loading: "Loading…",
    offline: "You are offline: security settings can be changed only when connected.",
    require2fa: "Require two-factor sign-in",
    require_none: "Not required",
    require_admins: "For admins",
    require_everyone: "For everyone",
    requireHelp: "People who have not set it up are taken straight to setting it up, and can do nothing else until they have.",
    sessionHours: "Sign-ins last (hours)",
    sessionHoursHelp: "Leave empty for the server's default. Applies to sign-ins from now on.",
    hoursInvalid: "Enter a whole number of hours from 1 to 720, or leave it empty.",
    save: "Save",
    saved: "Security settings saved.",
    reason_enrol_first: "Set up two-factor sign-in on your own profile first, then require it.",
  },
  {
    title: "Segurança",
    intro: "Quem precisa usar a verificação em duas etapas e quanto tempo dura uma entrada. As mudanças ficam registradas no log de auditoria.",
    loading: "Carregando…",
    offline: "Você está offline: as configurações de segurança só podem ser alteradas com conexão.",
    require2fa: "Exigir verificação em duas etapas",
    require_none: "Não exigir",
    require_admins: "Para administradores",
    require_everyone: "Para todos",
    requireHelp: "Quem ainda não configurou é levado direto para a configuração e não pode fazer mais nada até concluí-la.",
    sessionHours: "Entradas duram (horas)",
    sessionHoursHelp: "Deixe vazio para usar o padrão do servidor. Vale para as entradas a partir de agora.",
    hoursInvalid: "Informe um número inteiro de horas de 1 a 720, ou deixe vazio.",
    save: "Salvar",
    saved: "Configurações de segurança salvas.",
    reason_enrol_first: "Configure primeiro a verificação em duas etapas no seu próprio perfil e depois exija-a.",
  },
);
