/**
 * Messages a schema writes itself ("Give the team a name.", shared/src/api/schema-messages.ts) in
 * the user's language. They reach the PWA as English text, in a refusal's `fields` or in an
 * issue of a form's own zod parse; the English sentence leads back to its key and the key to
 * these words. The Portuguese table must have every key (its type says so). A template's values
 * (the pattern an admin typed, a bound) are read back from the English and put in these words.
 * Text that is not a schema's message (an older server's) is shown as it came.
 */
import { SCHEMA_MESSAGES, schemaMessageMatch, type SchemaMessageKey } from "@inbox/shared/api/schema-messages";
import { defineMessages } from "../i18n/define-messages.ts";

/**
 * The Portuguese of each key. Exported for the refusals that say a schema's sentence
 * (reason-words.ts, e.g. `push_address_not_web`), so the two are worded alike.
 */
export const SCHEMA_MESSAGES_PT = {
  session_hours_min: "Uma sessão dura pelo menos 1 hora.",
  session_hours_max: "Uma sessão dura no máximo 720 horas (30 dias).",
  password_min: "Escolha uma senha de pelo menos 12 caracteres.",
  current_password_required: "Digite sua senha atual.",
  second_factor_code: "Digite o código de 6 dígitos do seu aplicativo.",
  avatar_too_large: "Essa imagem é grande demais: escolha uma com menos de 45 KB.",
  avatar_format: "Escolha uma imagem PNG, JPEG ou WebP.",
  your_name_required: "Diga seu nome.",
  say_what_to_change: "Diga o que mudar.",
  channel_api_address_operator: "O endereço da API de um canal é definido pelo operador do servidor, não por canal.",
  ai_key_required: "Digite a chave da API, ou deixe o campo vazio para manter a salva.",
  ai_base_url_format: "Digite o endereço como https://host/caminho, por exemplo https://api.openai.com/v1.",
  ai_base_url_required: "Digite o endereço do provedor para ligar a IA.",
  ai_model_required: "Digite o nome do modelo para ligar a IA.",
  ai_draft_required: "Escreva algo na caixa de resposta primeiro.",
  ai_draft_too_long: "O rascunho é longo demais para o assistente (no máximo 8.000 caracteres).",
  audit_action_format: "Escolha uma ação da lista, ou um prefixo como channel.*",
  audit_cursor_invalid: "Esse marcador de página não é válido: comece pela primeira página.",
  contact_email_format: "Digite um endereço de e-mail como nome@exemplo.com.",
  email_too_long: "Esse endereço de e-mail é longo demais.",
  phone_too_long: "Esse número de telefone é longo demais.",
  phone_format: "Digite um número de telefone só com dígitos, por exemplo +55 11 98765-4321.",
  contact_name_required: "Digite um nome, ou deixe em branco.",
  name_too_long: "Esse nome é longo demais.",
  company_too_long: "Esse nome de empresa é longo demais.",
  notes_too_long: "As notas podem ter no máximo 4000 caracteres.",
  change_one_field: "Altere pelo menos um campo.",
  contact_search_required: "Digite um nome, e-mail ou telefone para buscar.",
  web_address_format: "Digite um endereço da web começando com http:// ou https://.",
  address_too_long: "Esse endereço é longo demais.",
  ticket_title_required: "Dê um título ao chamado.",
  title_too_long: "Esse título é longo demais.",
  shortcut_format: "Use de 1 a 32 letras minúsculas, dígitos, '-' ou '_' (sem espaços).",
  title_required: "Dê um título.",
  canned_text_required: "Escreva o texto da resposta.",
  article_title_required: "Dê um título ao artigo.",
  article_body_required: "Escreva o artigo.",
  text_required: "Escreva algo primeiro",
  text_required_sentence: "Escreva algo primeiro.",
  erase_confirm_required: "Digite o nome do contato para confirmar.",
  retention_whole_days: "Digite um número inteiro de dias.",
  retention_min: "Mantenha as conversas por pelo menos 1 dia.",
  retention_max: "Mantenha as conversas por no máximo {n} dias.",
  capacity_min: "A capacidade é de pelo menos 1 conversa",
  capacity_max: "A capacidade é de no máximo 100 conversas",
  email_invalid: "Esse endereço de e-mail não é válido.",
  team_name_required: "Dê um nome à equipe.",
  push_endpoint_format: "O navegador informou um endereço de notificações que não é um endereço da web.",
  push_endpoint_too_long: "O navegador informou um endereço de notificações longo demais.",
  role_name_required: "Dê um nome ao papel.",
  role_name_too_long: "O nome de um papel tem no máximo 60 caracteres.",
  reply_content_kinds: "Uma resposta pode levar texto, um anexo, botões ou respostas rápidas.",
  template_alone:
    "Um modelo é enviado sozinho, sem botões; seu único anexo é a imagem, o vídeo ou o documento do cabeçalho.",
  waba_id_format:
    "O ID da conta do WhatsApp Business é um número, como aparece no Meta Business Manager (Contas do WhatsApp → Configurações).",
  visitor_name_required: "Digite seu nome.",
  visitor_email_invalid: "Digite um endereço de e-mail válido.",
  visitor_message_required: "Escreva sua mensagem.",
  picture_https: "A imagem deve ser um endereço https.",
  view_name_required: "Dê um nome à visualização.",
  view_name_too_long: "Use um nome com menos de 60 caracteres.",
  rule_condition_repeated: "Esta condição já está na regra: coloque todos os valores dela em uma só condição.",
  template_variables_required: "Preencha todas as variáveis do modelo.",
  widget_colour_format: "A cor deve ter seis dígitos hexadecimais depois de #, como #2563eb.",
  widget_greeting_too_long: "Uma saudação pode ter no máximo 500 caracteres.",
  widget_team_name_too_long: "O nome da equipe pode ter no máximo 80 caracteres.",
  push_device_key_size: "O navegador deu uma chave do dispositivo de tamanho inesperado.",
  push_device_key_format: "O navegador deu uma chave do dispositivo que não está em base64url.",
  push_secret_size: "O navegador deu um segredo de notificação de tamanho inesperado.",
  push_secret_format: "O navegador deu um segredo de notificação que não está em base64url.",
  rule_one_routing: "Uma regra pode ter só uma forma de rotear a conversa (atribuir a alguém, rotear por um modo ou pular o roteamento automático).",
  rule_one_set_team: "Uma regra pode ter só uma ação “definir equipe”.",
  rule_one_set_priority: "Uma regra pode ter só uma ação “definir prioridade”.",
  rule_one_add_labels: "Uma regra pode ter só uma ação “adicionar etiquetas”.",
  rule_one_send_canned: "Uma regra pode ter só uma ação “enviar resposta pronta”.",
  rule_one_stop: "Uma regra pode ter só uma ação “parar de aplicar as regras seguintes”.",
  pattern_empty: "O padrão “{pattern}” está vazio.",
  pattern_too_long: "O padrão “{pattern}” tem mais de {n} caracteres.",
  pattern_invalid: "O padrão “{pattern}” não é um padrão válido.",
  pattern_backreference: "O padrão “{pattern}” se refere a um grupo anterior (\\1); escreva o texto por extenso.",
  pattern_nested_repetition:
    "O padrão “{pattern}” repete algo que já se repete, como (a+)+, o que pode demorar muito em algumas mensagens; simplifique-o.",
  pattern_repeated_alternatives:
    "O padrão “{pattern}” repete um grupo de alternativas, como (a|ab)*, o que pode demorar muito em algumas mensagens; liste as palavras como padrões separados.",
  not_empty: "não pode ficar vazio",
  chars_at_most: "deve ter no máximo {n} caracteres",
  values_required: "precisa de pelo menos um valor",
  values_at_most: "pode ter no máximo {n} valores",
  values_at_most_100: "aceita no máximo 100 valores",
  labels_required: "precisa de pelo menos uma etiqueta",
  labels_at_most: "pode adicionar no máximo 10 etiquetas",
  language_code_format: "deve ser um código de idioma como pt ou pt-BR",
  rule_triggers_required: "escolha quando a regra é aplicada: em conversas novas, em toda mensagem do cliente, ou nos dois",
  rule_trigger_twice: "cita o mesmo momento duas vezes",
  rule_conditions_at_most: "pode ter no máximo 20 condições",
  rule_actions_required: "precisa de pelo menos uma ação",
  rule_actions_at_most: "pode ter no máximo 12 ações",
  rule_named_twice: "cita uma regra duas vezes",
  period_required: "escolha um período: um predefinido ({presets}) ou início e fim",
  period_one_way: "escolha um período predefinido ou início e fim, não os dois",
  after_from: "deve ser depois do início",
  time_format: "deve ser um horário como 09:00 ou 17:30",
  end_after_start: "deve terminar depois de começar",
  hours_overlap: "tem horários de funcionamento que se sobrepõem",
  date_format: "deve ser uma data como 2026-12-25",
  time_zone_unknown: "não é um fuso horário conhecido (por exemplo America/Sao_Paulo)",
  date_twice: "tem a mesma data duas vezes",
  id_format: "deve ter de 8 a 64 letras, dígitos, '-' ou '_'",
  at_least_a_minute: "deve ser de pelo menos 1 minuto",
  at_most_a_year: "deve ser de no máximo um ano",
  percent_at_least_1: "deve ser de pelo menos 1%",
  percent_at_most_99: "deve ser de no máximo 99%",
  name_required: "precisa de um nome",
  history_cursor_format: "before deve ser a posição da mensagem mais antiga que você tem",
} as const satisfies Record<SchemaMessageKey, string>;

const words = defineMessages(SCHEMA_MESSAGES, SCHEMA_MESSAGES_PT);

/** A schema-written message in the user's language, with a template's values put back; any other text as it came. */
export function schemaMessageWords(message: string): string {
  const found = schemaMessageMatch(message);
  return found === undefined ? message : words(found.key, found.vars);
}

/** A form's first problem from its own check of a shared schema, in the user's language; `fallback` when there is none. */
export function firstIssueWords<T>(issues: readonly { message: string }[], fallback: T): string | T {
  return issues[0] ? schemaMessageWords(issues[0].message) : fallback;
}
