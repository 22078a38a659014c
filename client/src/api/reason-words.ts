/**
 * A server's refusal in the user's language: a refusal carrying a reason code (`fields.reason`,
 * shared/src/api/reasons.ts) is worded here from the code and its parameters; anything else keeps
 * the server's sentence. The Portuguese table must have every code (its type says so), so a new
 * reason cannot reach a Portuguese user in English. Every code's sentence in two languages: a
 * chunk of its own, loaded with the first refusal (http.ts `loadReasonWords`), not with the
 * inbox's first screen (issue 17).
 */
import { isReasonCode, REASONS, reasonVars, type ReasonUnits } from "@inbox/shared";
import { defineMessages } from "../i18n/define-messages.ts";

const words = defineMessages(REASONS, {
  sign_in_required: "Entre para continuar.",
  wrong_password: "E-mail ou senha incorretos.",
  use_sign_in_page: "Esta conta usa verificação em duas etapas: entre pela página de entrada.",
  challenge_gone: "Esta entrada expirou ou teve códigos errados demais. Digite seu e-mail e senha novamente.",
  wrong_code: "Esse código não está certo. Confira o código no seu aplicativo autenticador e tente de novo.",
  sign_in_locked_account: "Tentativas de entrada com erro demais nesta conta. Tente de novo em {wait}.",
  sign_in_locked_network: "Tentativas de entrada com erro demais a partir da sua rede. Tente de novo em {wait}.",
  two_factor_setup_required: "Seu espaço de trabalho exige verificação em duas etapas. Configure-a no seu perfil para continuar.",
  no_permission_reply: "Seu papel não permite responder a clientes.",
  no_permission_manageContacts: "Seu papel não permite editar ou mesclar contatos.",
  no_permission_deleteContacts: "Seu papel não permite apagar contatos.",
  no_permission_exportData: "Seu papel não permite exportar dados.",
  no_permission_manageContent: "Seu papel não permite gerenciar respostas prontas e artigos.",
  no_permission_viewReports: "Seu papel não permite ver relatórios.",
  no_permission_supervise: "Seu papel não permite supervisionar.",
  no_permission_manageChannels: "Seu papel não permite gerenciar canais.",
  no_permission_managePeople: "Seu papel não permite gerenciar pessoas e papéis.",
  no_permission_viewAudit: "Seu papel não permite ver o registro de auditoria.",
  no_permission_configureAI: "Seu papel não permite configurar a IA.",
  no_permission: "Seu papel não permite esta ação.",
  team_not_yours: "Esta conversa é de uma equipe da qual você não faz parte.",
  assigned_only: "Seu papel mostra apenas as conversas atribuídas a você.",
  not_in_team: "Você não faz parte desta equipe.",
  team_partly_visible: "Seu papel mostra apenas algumas das conversas desta equipe.",
  conversation_hidden: "Esta conversa não é uma que você possa ver.",
  board_supervisors_only: "Só os supervisores desta equipe e os administradores veem o painel dela.",
  cross_site: "Este pedido veio de outro site, por isso foi recusado. Abra a caixa de entrada no endereço dela e tente de novo.",
  media_link_expired: "Este link para o arquivo expirou ou não é válido. Abra a conversa de novo para obter outro.",
  offered_elsewhere: "Esta conversa foi oferecida a outra pessoa enquanto isso.",
  not_offered_to_you: "Esta conversa não foi oferecida a você.",
  pickup_assignee_only: "Só a pessoa a quem esta conversa está atribuída pode pegá-la.",
  assign_self_only: "Atendentes só podem atribuir conversas a si mesmos. Peça a um supervisor para reatribuí-la.",
  assigned_to_colleague: "Esta conversa está atribuída a {name}. Só um supervisor ou administrador pode reatribuí-la; peça a eles, ou peça a {first} que a devolva.",
  assigned_to_someone: "Esta conversa está atribuída a um colega. Só um supervisor ou administrador pode reatribuí-la.",
  transfer_supervisors_only: "Só um supervisor ou administrador pode transferir uma conversa para outra equipe.",
  join_supervisors_only: "Só um supervisor ou administrador pode entrar em uma conversa.",
  taken_while_offline: "{first} pegou a conversa enquanto você estava offline; sua resposta foi guardada como rascunho.",
  taken_while_offline_someone: "Um colega pegou a conversa enquanto você estava offline; sua resposta foi guardada como rascunho.",
  message_id_reused: "Este id de mensagem já foi usado para outra mensagem.",
  channel_disabled: "Este canal foi desativado por um administrador. Você não pode responder aqui; as mensagens anteriores continuam visíveis.",
  channel_expired: "A conexão deste canal expirou. Um administrador precisa reconectá-lo nas configurações.",
  customer_blocked: "Este cliente bloqueou a empresa no {channel}, então as respostas não chegam a ele. Você poderá responder quando ele escrever de novo.",
  window_closed: "Este cliente escreveu pela última vez há mais de {period}, então este canal não permite uma resposta livre agora. Ele precisa escrever de novo primeiro.",
  window_closed_template:
    "Este cliente escreveu pela última vez há mais de {period}, então este canal não permite uma resposta livre agora. Ele precisa escrever de novo primeiro, ou envie um modelo aprovado.",
  window_closed_tag_off:
    "Este cliente escreveu pela última vez há mais de {period}, então este canal não permite uma resposta livre agora. Ele precisa escrever de novo primeiro. Uma pessoa pode responder até 7 dias depois com a etiqueta Human Agent, que está desligada neste canal: um administrador pode ligá-la em Configurações → Canais se o app da Meta tiver essa permissão.",
  attachment_missing: "O anexo não foi encontrado. Anexe o arquivo de novo.",
  template_needs_image: "O modelo \"{name}\" mostra uma imagem no topo: anexe uma imagem para enviá-lo.",
  template_needs_video: "O modelo \"{name}\" mostra um vídeo no topo: anexe um vídeo para enviá-lo.",
  template_needs_document: "O modelo \"{name}\" mostra um documento no topo: anexe um documento (como um PDF) para enviá-lo.",
  template_takes_no_file: "O modelo \"{name}\" não tem imagem, vídeo nem documento no topo, então é enviado sem arquivo.",
  too_many_sockets: "Há conexões ao vivo demais abertas nesta sessão. Feche algumas abas e tente de novo.",
  chat_too_many_windows: "Esta conversa está aberta em janelas demais. Feche uma e tente de novo.",
});

const units = defineMessages(
  { second: "1 second", seconds: "{n} seconds", minutes: "{n} minutes", hours: "{n} hours", days: "{n} days" },
  { second: "1 segundo", seconds: "{n} segundos", minutes: "{n} minutos", hours: "{n} horas", days: "{n} dias" },
);

const localUnits: ReasonUnits = {
  wait: (s) => (s < 90 ? (s === 1 ? units("second") : units("seconds", { n: s })) : units("minutes", { n: Math.ceil(s / 60) })),
  period: (h) => (h >= 48 && h % 24 === 0 ? units("days", { n: h / 24 }) : units("hours", { n: h })),
};

/** The refusal in the user's language when it carries a known reason code, else null. */
export function reasonWords(fields: Readonly<Record<string, string>> | undefined): string | null {
  const reason = fields?.reason;
  if (!isReasonCode(reason)) return null;
  const { reason: _code, ...params } = fields!;
  return words(reason, reasonVars(params, localUnits));
}

export type ReasonWords = typeof reasonWords;
