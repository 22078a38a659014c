import type { UrgencyReason } from "./urgency.ts";

/**
 * What raises a message's urgency, by reason, in folded spelling (pattern syntax in match.ts).
 * Weights are in units of the high threshold (3): a reason worth 3 is enough alone; cancel,
 * refund and deadline (1.5) need each other or another reason.
 */
export const URGENCY_WEIGHTS: Readonly<Record<UrgencyReason, number>> = {
  fraud: 3, legal: 3, billing_error: 3, outage: 3, health: 3, explicit: 3,
  cancel: 1.5, refund: 1.5, deadline: 1.5, repeat_contact: 3,
  negative: 0.5, sla_at_risk: 1, sla_breached: 2, vip: 1, recent_contacts: 1,
};

export const HIGH_THRESHOLD = 3;

export const URGENCY_PATTERNS: Readonly<Partial<Record<UrgencyReason, readonly string[]>>> = {
  fraud: [
    "golpe*|fraud*|scam*|estafa*|clonad*|clonaron|invadid*|hacked|hackead*|hackear*|phishing|roubad*|stolen|robad*",
    "nao reconheco|nao reconheci|don't recognize|dont recognize|didn't make|didnt make|no reconozco|no hice",
    "someone ~ my account|somebody ~ my account|alguem ~ minha conta|alguien ~ mi cuenta|entraram na minha conta",
    "unauthorized|nao autorizad*|sem autorizacao|sem permissao|without permission|without authorization|sin permiso|someone ~ my card|alguem ~ meu cartao|alguien ~ mi tarjeta|sem minha autorizacao|no autorizad*|sin mi autorizacion|without my consent|sem meu consentimento",
    "pix que nao fiz|compra que nao fiz|compras que nao fiz|purchase i didn't|purchases i didn't|charges i didn't|transaction i didn't|transactions i didn't|compras que no hice|cargo que no reconozco|cargos no reconocidos|nao reconhec*|no reconoc*|don't recognise|dont recognise|not recognize|not recognise",
    "invadiram|account compromised|compromised|suspicious|suspeit*|sospechos*|login desconhecido|unknown login|senha alterada|alteraram minha senha|mudaram minha senha|changed my password|password was changed|cambiaron mi contrasena|hacker*",
  ],
  legal: [
    "advogad*|lawyer*|attorney*|abogad*|procon|profeco|reclame aqui|reclameaqui|justica|juizado|tribunal|court",
    "entrar com processo|abrir processo|processo judicial|processar|lawsuit|sue|suing|demandar|demanda judicial|denunci*|chargeback|dispute|contestar|legal action|acao judicial|defesa do consumidor|direitos do consumidor|codigo do consumidor",
    "anatel|bacen|banco central|ouvidoria|ombudsman|consumer protection|better business bureau|small claims|pequenas causas|juicio|judicial|acciones legales|accion legal|medidas legais|medidas cabiveis|providencias legais|report you|formal complaint|queixa formal|queja formal|reclamacion formal|libro de reclamaciones|consumidor.gov",
  ],
  billing_error: [
    "cobrad* duas vezes|cobrad* em dobro|cobraram duas vezes|cobraram ~ duas vezes|cobrou duas vezes|charged ~ twice|double charged|charged double|billed twice|cobraron ~ dos veces|cobro doble|cobrado dos veces",
    "cobranca indevida|cobranca errada|cobrad* indevidamente|wrong charge|overcharged|cobro indebido|cobraron de mas",
    "charged but|charged anyway|cobrad* mas|cobraram mas|cobraron pero|cobro pero|cobraram igual|cobraron igual|charged anyway|charged me anyway|still charged|money left my account|debitad* mas|saiu da minha conta|se desconto",
    "billed ~ instead of|charged ~ instead of|cobrad* ~ em vez de|cobraram ~ em vez de|cobraron ~ en lugar de|taxa que nao|fee i didn't|fee i never",
    "cobrado errado|cobrada errado|valor errado|wrong amount|monto incorrecto|valor incorreto|cobrad* a mais|cobrad* de mais|charged more|charged extra|cobro de mas|double charge*|duplicate charge*|cobranca duplicada|cargo duplicado|cobro duplicado|cargos duplicados|still being charged|continuo sendo cobrad*|me siguen cobrando|siguen cobrando|continuam cobrando|continuam me cobrando|keep charging|still charging|taxa indevida|unknown charge|charged after|cobrad* depois|cobraron despues",
    "perdi ~ dinheiro|lost ~ money|perdi ~ dinero|money is gone|dinheiro sumiu|sumiu ~ dinheiro|saiu da conta|disappeared from my account|sumiu da conta|debited twice|debitad* duas vezes|debitaram|descontaron|pix nao caiu|transferencia nao caiu|payment went through but|pagamento ~ mas ~ pedido|pague ~ pero",
  ],
  outage: [
    "fora do ar|site caiu|sistema caiu|app caiu|servidor caiu|internet caiu|rede caiu|caiu o site|caiu o sistema|caiu a internet|caiu o app|caiu o servidor|caiu a rede|esta caido|se cayo|is down|are down|went down|been down|site down|app down|server down|system down|outage|offline|sem internet|sem sinal|sin internet|sin senal|no internet|sem luz|sin luz|no power|sem sistema",
    "nao funciona nada|nothing works|nada funciona|no funciona nada|perdendo vendas|losing money|losing sales|perdiendo ventas|no puedo cobrar|nao consigo vender|can't sell",
    "sistema fora|nao consigo vender|can't take payments|cannot take payments|no puedo vender|clientes nao conseguem|customers can't|customers cannot|clients can't|clientes no pueden|nobody can|ninguem consegue|nadie puede|todos os usuarios|all users|all our users|todos los usuarios|whole team|toda a equipe|todo el equipo|whole office|production|producao|produccion|site inteiro|whole site|entire site|api fora|api ~ down|erro 500|error 500|server error|servidor fora|maquininha|point of sale|payments failing|pagamentos falhando|pagos fallando|no service|sem servico|sin servicio|not loading for anyone|perdendo clientes|losing customers|perdiendo clientes|perdendo dinheiro",
  ],
  health: [
    "alergi*|allerg*|hospital|engoliu|engoliram|swallow*|trago|choking|engasg*|machucou|machucad*|hurt|injured|insulin*|insulina|ambulanc*|emergencia medica|passando mal|intoxica*|food poisoning|poisoning|remedio|medicamento*|medication|medicine|gas leak|vazamento de gas|fuga de gas|incendio|choque eletrico|ferid*|ferimento|injur*",
    "medic*|doctor|doutor|pharmacy|farmacia|receita medica|prescription|perigo*|danger*|peligro*|unsafe|inseguro|smoke|fumaca|humo|pegou fogo|caught fire|explod*|overheat*|superaquec*|sobrecalent*|gas|vazamento|leak*|fuga|poison*|envenen*|vomit*|diarr*|pronto socorro|emergency room|urgencias|sangr*|bleed*|blood|acidente|accident|accidente|ameaca*|threaten*|amenaz*|assedi*|harass*|stalk*|idos*|elderly|gravida|pregnant|embarazada|oxigenio|oxygen|oxigeno|wheelchair|cadeira de rodas|silla de ruedas",
  ],
  explicit: [
    "urgent*|urgenc*|asap|emergenc*|imediatamente|immediately|inmediato|right now|agora mesmo|ahora mismo|fix it now|ya mismo|dinero ya|now please|sem falta",
    "urgentemente|o quanto antes|o mais rapido possivel|quanto antes|as soon as possible|lo antes posible|cuanto antes|lo mas pronto posible|immediate*|prioridad*|priorit*|critical|critico|critica|grave|serious|socorro|sos|help me please|ajuda por favor|ayuda por favor|need ~ now|preciso ~ agora|necesito ~ ahora|need it today|preciso pra hoje|preciso para hoje|lo necesito hoy|right away",
  ],
  cancel: [
    "cancel*|cancela*|cancelo|encerrar|desistir|unsubscribe|concorrencia|competitor|competencia",
    "trocar de operadora|mudar de operadora|trocar de banco|mudar de banco|switch provider*|switching to|switch to another|cambiar de compania|cambiarme de|portabilidade|close my account|fechar minha conta|encerrar minha conta|cerrar mi cuenta|nunca mais compro|never buying|never ordering|never again|nunca mas|i'm done|i am done|cansei|me cansé|estoy harto|estoy harta|last chance|ultima chance|ultima oportunidad|leaving|vou embora|me voy",
  ],
  refund: ["reembols*|estorn*|refund*|devolv*|money back|meu dinheiro|mi dinero|my money"],
  deadline: [
    "hoje|amanha|today|tomorrow|tonight|hoy|manana|prazo|deadline|ate amanha|until tomorrow|by tomorrow|antes de|before the",
    "ate,until,by,hasta segunda,terca,quarta,quinta,sexta,sabado,domingo,monday,tuesday,wednesday,thursday,friday,saturday,sunday,lunes,martes,miercoles,jueves,viernes,noon,meio-dia,amanha,tomorrow,manana,today,hoje,hoy",
    "esta noite|esta tarde|this evening|this afternoon|within the hour|em uma hora|em 1 hora|in an hour|en una hora|end of day|fim do dia|fin del dia|otherwise|caso contrario|or else|de lo contrario|se nao resolverem|se nao devolverem|if you don't fix|if this isn't fixed|if this is not fixed|si no resuelven|si no me devuelven|if not resolved|sob pena",
  ],
  repeat_contact: [
    "# vez|# vezes|terceira vez|quarta vez|quinta vez|# time|# times|third time|fourth time|fifth time|tercera vez|cuarta vez|# veces|twice",
    "ja liguei|ja falei|ja entrei em contato|ja mandei|ja escrevi|already called|already contacted|already wrote|already emailed|called twice|called ~ times|ya llame|ya escribi",
    "again and again|de novo e de novo|varias vezes|several times|multiple times|many times|varias veces|ninguem responde|nobody answers|nadie me responde|nadie responde",
    "ja abri|ya abri|already opened|abri ~ chamado|abri ~ ticket|opened ~ ticket|numero do protocolo|protocolo|case number|ticket number|numero de caso|numero de ticket|ainda sem resposta|still no answer|still no response|still no reply|sigo sin respuesta|no one has answered|no one answered|nobody has answered|ninguem me respondeu|ninguem respondeu|nunca respondem|never answer|never respond|toda vez que ligo|every time i call|cada vez que llamo|keep calling|sempre a mesma|same answer|mesma resposta|misma respuesta|been trying for|tentando ha|llevo ~ intentando|ja reclamei|already complained|ya reclame|ja pedi|already asked|ya pedi|ja solicitei",
  ],
};
