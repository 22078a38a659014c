/**
 * Strings of the admin's routing settings, apart from the agent's (messages.ts): those load with
 * every inbox, these only with Settings.
 */
import { defineMessages } from "../i18n/define-messages.ts";

export const t = defineMessages(
  {
    routingTitle: "Routing",
    routingIntro:
      "How new chats of each channel reach agents. Manual: agents take chats themselves. Round robin: available agents in turn. Least loaded: the available agent with the fewest open chats. Only agents set to Available get chats, up to their capacity.",
    routingInbox: "Channel",
    routingMode: "Mode",
    routingTimeout: "Pickup timeout (seconds)",
    routingAway: "Re-route when the agent is away or offline",
    modeFor: "Routing mode for {name}",
    timeoutFor: "Pickup timeout in seconds for {name}",
    timeoutHint: "None",
    awayFor: "Re-route offered chats of {name} when the agent is away or offline",
    save: "Save",
    saveFor: "Save routing for {name}",
    saving: "Saving…",
    saved: "Routing for {name} saved.",
    mode_manual: "Manual",
    mode_round_robin: "Round robin",
    mode_least_loaded: "Least loaded",
    timeoutInvalid: "Enter a whole number of seconds from {min} to {max}, or leave it empty.",
    routingOffline: "You are offline: routing settings can be saved only when connected.",
  },
  {
    routingTitle: "Distribuição",
    routingIntro:
      "Como as novas conversas de cada canal chegam aos atendentes. Manual: os atendentes pegam as conversas. Rodízio: atendentes disponíveis, um de cada vez. Menos ocupado: o atendente disponível com menos conversas abertas. Só atendentes Disponíveis recebem conversas, até a sua capacidade.",
    routingInbox: "Canal",
    routingMode: "Modo",
    routingTimeout: "Tempo para assumir (segundos)",
    routingAway: "Redistribuir quando o atendente estiver ausente ou offline",
    modeFor: "Modo de distribuição de {name}",
    timeoutFor: "Tempo para assumir em segundos de {name}",
    timeoutHint: "Nenhum",
    awayFor: "Redistribuir conversas oferecidas de {name} quando o atendente estiver ausente ou offline",
    save: "Salvar",
    saveFor: "Salvar distribuição de {name}",
    saving: "Salvando…",
    saved: "Distribuição de {name} salva.",
    mode_manual: "Manual",
    mode_round_robin: "Rodízio",
    mode_least_loaded: "Menos ocupado",
    timeoutInvalid: "Informe um número inteiro de segundos de {min} a {max}, ou deixe vazio.",
    routingOffline: "Você está offline: a distribuição só pode ser salva com conexão.",
  },
);
