import type { UrgencyReason } from "./urgency.ts";

/**
 * What raises a message's urgency, by reason, in folded spelling (pattern syntax in match.ts).
 * Weights are in units of the high threshold (3): a reason worth 3 is enough alone; cancel,
 * refund and deadline (1.5) need each other or another reason. A plain request to cancel or a
 * refund question is routine; a threat to leave or a demand for money lost is not, so those
 * wordings sit in URGENCY_STRONG (enough alone, filed under the same reason).
 */
export const URGENCY_WEIGHTS: Readonly<Record<UrgencyReason, number>> = {
  fraud: 3, legal: 3, billing_error: 3, outage: 3, health: 3, explicit: 3,
  cancel: 1.5, refund: 1.5, deadline: 1.5, repeat_contact: 3,
  negative: 0.5, sla_at_risk: 1, sla_breached: 2, vip: 1, recent_contacts: 1,
};

export const HIGH_THRESHOLD = 3;

export const URGENCY_PATTERNS: Readonly<Partial<Record<UrgencyReason, readonly string[]>>> = {
  fraud: [
    "clonad*|clonaron|invadid*|hacked|hackead*|hackear*|phishing|roubad*|stolen|robad*",
    "nao reconheco|nao reconheci|don't recognize|dont recognize|didn't make|didnt make|no reconozco|no hice",
    "someone ~ my account|somebody ~ my account|alguem ~ minha conta|alguien ~ mi cuenta|entraram na minha conta",
    "unauthorized|nao autorizad*|sem autorizacao|sem permissao|without permission|without authorization|sin permiso|someone ~ my card|alguem ~ meu cartao|alguien ~ mi tarjeta|sem minha autorizacao|no autorizad*|sin mi autorizacion|without my consent|sem meu consentimento",
    "pix que nao fiz|compra que nao fiz|compras que nao fiz|purchase i didn't|purchases i didn't|charges i didn't|transaction i didn't|transactions i didn't|compras que no hice|cargo que no reconozco|cargos no reconocidos|nao reconhec*|no reconoc*|don't recognise|dont recognise|not recognize|not recognise",
    "hack*|clonaram|clonou|cloned|roubaram|roubou|stole|robaron|invadiu|invadieron|nao fui eu|yo no fui|wasn't me|it wasn't me",
    "que nao comprei|que eu nao comprei|i didn't buy|i never bought|que no compre|que yo no compre|nunca compre|nunca comprei|que eu nao fiz|que nao fiz|que yo no hice|i didn't make|i never made|sem eu autorizar|sem eu pedir|sin que yo|without asking me|never authorized|nunca autorice|nao autorizei|no autorice|didn't authorize|didn't authorise",
    "logging into my|logging in to my|logging in from|signing into my|entrou na minha conta|entraram na minha|entrou no meu|entraram no meu|logged into my|logged in to my|logged in from|logins from|login from|signed into my|acessou minha conta|acessaram minha conta|entro a mi|entraron a mi|entro en mi|entraron en mi|someone else is using|alguem ~ usando",
    "compras com meu|compra com meu|compras no meu|compra no meu|compras con mi|compra con mi|purchase on my|purchases on my|purchases with my|com meu cadastro|usando meu cpf|usaram meu cpf|com meu cpf|no meu nome que|in my name|a mi nombre|en mi nombre|identity theft|roubo de identidade|robo de identidad",
    "unknown transaction|unknown purchase|transacao desconhecida|compra desconhecida|desconhec*|desconozco|click a link|clicar no link|pedindo minha senha|pediram minha senha|asking for my password|asked for my password|pidiendo mi contrasena|pidiendo mi clave|e golpe|es estafa|is this a scam|mudaram meu email|trocaram meu email|alteraram meu email|cambiaron mi correo|isso e roubo|es un robo|this is theft",
    // Fell for a scam, data leaked, someone emptied or used the account
    "golpista*|scammer*|cai num golpe|cai em golpe|cai no golpe|me enganaram|got scammed|me estafaron|fraudulent|clonagem|invasao|acesso indevido|acesso nao autorizado|vazaram meus dados|meus dados vazaram|vazamento de dados|data breach|my data was leaked|account takeover|impersonat*|suplantacion|se hicieron pasar",
    "transacao suspeita|movimentacao estranha|movimentacao suspeita|compra estranha|compras estranhas|saque que nao fiz|saque indevido|transferencia que nao fiz|strange charges|weird charges|strange transactions|cargo desconocido|cargos desconocidos|movimiento raro|movimientos extranos|movimientos raros",
    "esvaziaram minha conta|zeraram minha conta|limparam minha conta|emptied my account|drained my account|vaciaron mi cuenta|someone used my card|someone is using my|alguem usou meu cartao|alguem esta usando|alguien uso mi tarjeta|alguien esta usando",
    // Accessed or moved by a stranger
    "accessed from|accessed by|acessad* de|acessad* por|accedieron desde|accedida desde|conta que nao conheco|account i don't know|cuenta que no conozco|pessoa que nao conheco|someone i don't know|alguien que no conozco|desconocid*",
    "invadiram|account compromised|compromised|suspicious|suspeit*|sospechos*|login em outro|login from another|login de otro|acesso de outro|access from another|login de outro|login desconhecido|unknown login|senha alterada|alteraram minha senha|mudaram minha senha|password was changed|cambiaron mi contrasena|hacker*",
    // Someone posing as the company, asking for secrets; a card or a loan nobody asked for
    "dizendo ser do|dizendo que era do|dizendo que eram do|se passando por|se passou por|pretending to be|claiming to be|said they were from|said he was from|said she was from|fingiendo ser|diciendo que era|diciendo que eran|haciendose pasar",
    "pedind*,pediram,asking,pidiendo,pidieron ~ senha,password,pin,contrasena,clave,cvv,token",
    "boleto falso|boleto fraudado|boleto adulterado|fake invoice|fake bill|fake email|email falso|e-mail falso|site falso|fake site|fake website|perfil falso|fake profile|fake account|conta falsa|pagina falsa|whatsapp falso|numero falso|fake number|factura falsa|correo falso|link falso|fake link|sms falso|fake text|vaciaron la cuenta|me vaciaron|me limparam|limparam a conta|zeraram a conta|esvaziaram a conta|emptied the account|cleaned out my account|cleaned me out",
    "did not make|did not authorize|did not authorise|did not buy|did not order|did not request|never did this|i never did|eu nao fiz|yo no hice",
    "without asking|sem pedir|sin preguntar|sin pedir|sin consentimiento|without my permission|sem minha permissao|sin mi permiso|maxed out|estouraram|estouraram meu limite|limite estourado",
    "someone,somebody,alguem,alguien ~ bought,comprou,compro,compraram,compraron,purchased,spent,gastou,gasto,withdrew,sacou,saco,transferiu,transfirio",
    "pedind*,pediram,asking,asked,pidiendo,pidieron ~ codigo,code,codigo,token,sms|confirmar o codigo|confirmar um codigo|confirm a code|confirm the code|confirmar el codigo|confirmar un codigo",
    "invadi*|invadie*|hackea*|hakead*|rackead*|raqueado|raqueada|clonar*|clonou|clonaron|clono|took over my|taken over|tomaram minha conta|roubaram minha conta|robaron mi cuenta|stole my account|stolen account",
  ],
  legal: [
    "advogad*|lawyer*|attorney*|abogad*|procon|profeco|reclame aqui|reclameaqui|justica|juizado|tribunal|court",
    "entrar com processo|abrir processo|processo judicial|processar|lawsuit|sue|suing|demandar|demanda judicial|denunci*|legal action|acao judicial|defesa do consumidor|direitos do consumidor|codigo do consumidor",
    "demanda contra|una demanda|presentar una demanda|poner una demanda|file a lawsuit|acao contra|uma acao|procurar meus direitos|ir atras dos meus direitos|correr atras dos meus direitos|buscar mis derechos|hacer valer mis derechos|know my rights|voy a demandar|los voy a demandar|sue you|take you to court|levar a justica|na justica|a la justicia|danos morais|indenizacao|indemnizacion|danos y perjuicios|ftc|cfpb|ofcom|attorney general|trading standards|policia|police|boletim de ocorrencia|police report|denuncia policial",
    "bad review|review everywhere|avaliacao negativa|mala resena|resena negativa|file a complaint|filing a complaint|consumer agency|agencia de consumo|registrar no consumidor|reclamacao no consumidor|orgao de defesa do consumidor|vou expor|vou postar|vou publicar|expor voces|voy a publicar|voy a exponer|exponerlos|go public|going public|post this everywhere|post about this|tell everyone",
    "poner una reclamacion|poner una queja|presentar una queja|presentar una reclamacion|hacer una reclamacion|registrar uma reclamacao|abrir uma reclamacao|calling my bank|call my bank|contact my bank|contacting my bank|ligar pro banco|ligar pro meu banco|ligar para o banco|llamar a mi banco|the press|a imprensa|na imprensa|pra imprensa|para a imprensa|la prensa|los medios|journalist|jornalista|periodista|social media|redes sociais|redes sociales|bbb|reporting this|ocu|facua|indecopi|sernac|sic|omic|proteccion al consumidor|defensa del consumidor|consumer rights|consumer ombudsman|attorney|solicitor|small-claims|tribunales|juzgado|processo contra|processar voces|acionar|acionar na justica|denunciar|notificacao extrajudicial|report this|reporting you|anatel|bacen|banco central|ouvidoria|ombudsman|consumer protection|better business bureau|small claims|pequenas causas|juicio|judicial|acciones legales|accion legal|medidas legais|medidas cabiveis|providencias legais|report you|formal complaint|queixa formal|queja formal|reclamacion formal|libro de reclamaciones|consumidor.gov",
  ],
  billing_error: [
    "cobrad* duas vezes|cobrad* em dobro|cobraram duas vezes|cobraram ~ duas vezes|cobrou duas vezes|charged ~ twice|double charged|charged double|billed twice|cobraron ~ dos veces|cobro doble|cobrado dos veces",
    "duplicidade|cobranca indevida|cobranca errada|cobrad* indevidamente|wrong charge|overcharged|cobro indebido|cobraron de mas",
    "conta,account,cuenta,saldo,balance ~ zerad*,vazia,vacia,vacio,empty,emptied,esvaziad*,vaciad*,drained,wiped|zeraram|zerou a conta|cuenta en cero|saldo en cero",
    "cobraron,cobro,cobrou,cobraram,cobrad*,debitaron,debitaram,debitou,descontaron,descontaram,descontou ~ doble,dobrado,dobrada,dobro",
    "levaram,llevaron,took,tiraram,sacaram,sacaron,robaron,roubaram,quitaron ~ saldo,dinero,dinheiro,money,balance,savings,ahorros,poupanca,plata",
    "mas descontou|mas debitou|mas cobrou|mas descontaram|mas debitaram|but charged|but it charged|but still charged|but took the money|pero desconto|pero me desconto|pero debito|pero me cobraron|pero cobraron|pero me cobro",
    "charged but|charged anyway|cobrad* mas|cobraram mas|cobraron pero|cobro pero|cobraram igual|cobraron igual|charged anyway|charged me anyway|still charged|money left my account|debitad* mas|saiu da minha conta|se desconto",
    "billed ~ instead of|charged ~ instead of|cobrad* ~ em vez de|cobraram ~ em vez de|cobraron ~ en lugar de|cobraron,cobro,cobrou,cobraram,cobrad*,charged,billed ~ en vez de|cobraron,cobro,cobrou,cobraram,cobrad*,charged,billed ~ ao inves de|charged,billed ~ rather than|me volvieron a cobrar|volvieron a cobrar|volvio a cobrar|voltaram a cobrar|voltou a cobrar|taxa que nao|fee i didn't|fee i never",
    "cobrado errado|cobrada errado|valor errado|wrong amount|monto incorrecto|valor incorreto|cobrad* a mais|cobrad* de mais|charged more|charged extra|cobro de mas|double charge*|duplicate charge*|cobranca duplicada|cargo duplicado|cobro duplicado|cargos duplicados|still being charged|continuo sendo cobrad*|me siguen cobrando|siguen cobrando|continuam cobrando|continuam me cobrando|keep charging|still charging|taxa indevida|unknown charge|charged after|cobrad* depois|cobraron despues",
    "levaram meu dinheiro|took my money|se llevaron mi dinero|cobranca surpresa|surprise charge|cargo sorpresa|veio o dobro|veio o triplo|pay again|pagar de novo|pagar otra vez|pagar novamente|debitaram ~ vezes|descontad* ~ vezes|cobraram ~ vezes|# times for one|# vezes o mesmo|# veces lo mismo|identical charges|same charge twice",
    // Overcharged, or money sent to the wrong place
    "cobranca abusiva|taxa abusiva|cobro excesivo|cobro abusivo|overcharging|overbilled|cobraram mais|cobraram a mais|me cobraron mas|cobran de mas|pix errado|pix para a pessoa errada|wrong person|pessoa errada|persona equivocada|chave errada|wrong key|transferi errado|wrong account|conta errada|cuenta equivocada|money missing|missing money|dinheiro sumido|faltando dinheiro|me falta dinero",
    "perdi ~ dinheiro|# charges|# cobrancas|# cobros|# cargos|# debitos|# debits|# parcelas no mesmo|# descontos no mesmo|cobr*,debit*,charg*,bill*,descont* ~ # x|# x o mesmo|# x a mesma|# x o valor|# x la misma|# x el mismo|salio de mi cuenta|salio de mi tarjeta|left my bank|left my card|came out of my account|taken from my account|taken out of my account|out of my account|saiu do meu cartao|saiu do cartao|descontaram da minha conta|debitaram da minha conta|lost ~ money|perdi ~ dinero|money is gone|dinheiro sumiu|sumiu ~ dinheiro|saiu da conta|disappeared from my account|sumiu da conta|debited twice|debitad* duas vezes|debitaram|descontaron|pix nao caiu|transferencia nao caiu|payment went through but|pagamento ~ mas ~ pedido|pague ~ pero",
  ],
  outage: [
    "fora do ar|site caiu|sistema caiu|app caiu|servidor caiu|internet caiu|rede caiu|caiu o site|caiu o sistema|caiu a internet|caiu o app|caiu o servidor|caiu a rede|esta caido|se cayo|esta fora|ta fora|is down|are down|went down|been down|site down|app down|server down|system down|outage|offline|sem internet|sin internet|no internet|without internet|without wifi|without power|without electricity|without water|sem luz|sin luz|no power|sem sistema",
    "nao consigo trabalhar|nao posso trabalhar|can't work|cannot work|unable to work|no puedo trabajar|sistema ~ caiu|site ~ caiu|app ~ caiu|server ~ down|site ~ down|perdendo,losing,perdiendo,perdemos,lost ~ vendas,pedidos,clientes,money,sales,orders,customers,business,ventas,hundreds,thousands,centenas,milhares|none of our|nenhum cliente|ningun cliente|no one can|ninguno puede|sem sistema|sin sistema",
    // No connection or service at all, or a service cut off
    "nao tenho internet|no tengo internet|i have no internet|i don't have internet|internet nao funciona|internet no funciona|internet not working|internet isn't working|internet is not working|internet doesn't work|internet down|internet caida|cortaram a internet|cortaram a luz|cortaron el internet|cortaron la luz|cut off|disconnected my|suspenderam|suspendieron|service suspended|servico suspenso|servicio suspendido|linha bloqueada|line suspended",
    // A shop that cannot sell
    "checkout is broken|checkout down|can't process|cannot process|nao processa|no procesa|pagos rechazados|nenhuma venda|no sales|zero sales|ninguna venta|ninguna venta",
    "card machine|card reader|card terminal|maquina de cartao|datafono|terminal de pago|pos terminal|fila de clientes|clientes esperando|customers waiting|clients waiting|line of customers|cola de clientes",
    "internet ~ out|power ~ out|sem agua|sin agua|no water|no running water|sem gas|sin gas|no gas|no heating|sem aquecimento|sin calefaccion|no heat|sem agua quente|sin agua caliente|no hot water|sem linha|sin linea|no phone service|sem telefone|sin telefono|sem,sin,not,nao,no receber,receiving,recibir,recebendo,recibiendo ~ pagament*,payment*,pagos,pix,vendas,sales,ventas,pedidos,orders|energia caiu|caiu a energia|a luz caiu|caiu a luz|power went out|power is out|sem energia|sin energia|won't get paid|wont get paid|can't get paid|not getting paid|not get paid|nao vao receber|ficar sem salario|vao ficar sem salario|sem salario|sin sueldo|no van a cobrar|payroll failed|payroll run failed|cortar*,cortaron,cortou,desligar*,desligou,cortaram,suspender*,suspendieron,suspenderam ~ luz,agua,internet,energia,gas,linha,telefone,servico,servicio,luz,electricidad|shut off|shut ~ off|cut ~ off|corte de luz|corte de agua|corte de energia|corte de internet|nao consigo faturar|nao consigo emitir|can't invoice|cannot invoice|can't bill|no puedo facturar|equipe parada|equipe toda parada|equipe inteira parada|team is blocked|whole team is|todo el equipo|everyone is blocked|estamos parados|estamos parad*|we are stuck|we're stuck|estamos sin|acabou a luz|acabou a energia|se fue la luz|power outage|power cut|blackout|apagon|apagao",
    "every customer|every user|all customers|all our customers|todos os clientes|todos los clientes|for everyone|pra todo mundo|para todo mundo|cut,shut,disconnected,suspended ~ service,internet,power,water,electricity,phone,line|nao funciona nada|nothing works|nada funciona|no funciona nada|perdendo vendas|losing money|losing sales|perdiendo ventas|no puedo cobrar|nao consigo vender|can't sell",
    "sistema fora|nao consigo vender|can't take payments|cannot take payments|no puedo vender|clientes nao conseguem|customers can't|customers cannot|clients can't|clientes no pueden|nobody can|ninguem consegue|nadie puede|todos os usuarios|all users|all our users|todos los usuarios|whole team|toda a equipe|todo el equipo|whole office|production|producao|produccion|site inteiro|whole site|entire site|api fora|api ~ down|erro 500|error 500|server error|servidor fora|maquininha|point of sale|payments failing|pagamentos falhando|pagos fallando|no service|sem servico|sin servicio|not loading for anyone|perdendo clientes|losing customers|perdiendo clientes|perdendo dinheiro",
  ],
  health: [
    "alergi*|allerg*|engoliu|engoliram|swallow*|choking|engasg*|machucou|machucad*|hurt|injured|insulin*|insulina|ambulanc*|emergencia medica|passando mal|intoxic*|deu choque|levei choque|got shocked|electric shock|me dio corriente|melted|derreteu|se derritio|hit my car|bateu no meu carro|bateram no meu carro|atropel*|run over|reacao alergica|allergic reaction|reaccion alergica|cheiro de gas|smell gas|food poisoning|poisoning|gas leak|vazamento de gas|fuga de gas|incendio|choque eletrico|ferid*|ferimento|injur*",
    "mae,pai,mother,father,mom,dad,son,daughter,kid,child,filho,filha,avo,avó,hijo,hija,madre,padre,mama,papa,abuela,abuelo,grandma,grandpa,esposa,marido,wife,husband ~ caiu,fell,cayo,escorregou,slipped,resbalo,tropecou,tripped|slipped and fell|escorreguei e cai|me resbale|me cai|eu cai|i fell|live wires|exposed wires|fios expostos|fio desencapado|fios desencapados|cables expuestos|cables pelados|cable pelado|with,com,con ~ baby,kid,child,son,daughter,bebe,nino,nina,crianca,filho,filha,hijo,hija,nene in,inside,dentro,adentro|smell*,cheiro,olor,huele,cheirando ~ burn*,queimad*,quemad*|burning smell|sem freio|sem freios|sin frenos|no brakes|brakes failed|brakes don't work|freio nao funciona|frenos no funcionan|agulha|needle|aguja|larva*|inseto na|insect in|bicho na|bicho en|gusano*|worm in|worms in|metal in my|pedaco de metal|pedazo de metal|plastic in my|cable suelto|cables sueltos|fio solto|fios soltos|loose wire*|con corriente|fio energizado|dando choque|yelled at me|shouted at me|screamed at me|cursed at me|swore at me|insulted me|gritou comigo|gritaram comigo|me xingou|me xingaram|me grito|me gritaron|me insulto|me insultaron|smoking|fumegando|soltando fumaca|saindo fumaca|echando humo|saliendo humo|humeando|tripped the breaker|short circuit|curto circuito|curto-circuito|cortocircuito|faisca*|sparks|sparking|chispas|aggressive|agressiv*|agresiv*|followed me|me seguiu|me seguiram|me siguio|me siguieron|me persegui*|gas smell|smell of gas|smells of gas|smells like gas|olor a gas|stranded|quedo tirad*|quede tirad*|quedaron tirad*|quedamos tirad*|ficou jogad*|fiquei jogad*|ficou largad*|fiquei largad*|me dejo en medio|me dejaron en medio|me bajo en medio|me bajaron en medio|eletrocut*|electrocut*|queimadura|quemadura|explodiu|exploded|exploto|glass in|vidro na|vidrio en|caco de vidro|pedaco de vidro|cockroach|cucaracha|intoxicacao alimentar|intoxicacion|febre|fever|fiebre|desmaiou|fainted|desmayo|convuls*|can't breathe|nao consigo respirar|no puedo respirar|falta de ar|infarto|heart attack|suicid*|violencia|violence|assault|agrediu|agredid*|agresion|preso no elevador|presa no elevador|stuck in the elevator|stuck in the lift|trapped|atrapado en|atrapada en|locked inside|trancad* dentro",
    "perigo*|danger*|difficulty breathing|dificuldade pra respirar|dificuldade para respirar|short of breath|got burned|got burnt|was burned|se queimou|se quemo|burned by|burnt by|burned himself|burned herself|me quemo|inchad*|swollen|swelling|hinchad*|hives|urticaria|anaphyla*|anafila*|epipen|cheiro ~ gas|smell* ~ gas|olor ~ gas|huele ~ gas|cheirando ~ gas|drunk|bebado|bebada|embriagad*|borracho|borracha|alcoolizad*|lugar deserto|deserted|me abandon*|abandoned me|me largou|me largaram|left me stranded|left me alone|left me in the middle|me deixou sozinh*|me deixou no meio|me deixou num|me deixou em um|me dejo tirad*|me dejaron tirad*|assaltad*|assalto|mugged|ficou presa|ficou preso|stuck alone|sozinho no aeroporto|sozinha no aeroporto|peligro*|unsafe|inseguro|smoke|fumaca|humo|pegou fogo|caught fire|explod*|overheat*|superaquec*|sobrecalent*|vazamento|leak*|poison*|envenen*|vomit*|diarr*|pronto socorro|emergency room|urgencias|sangr*|bleed*|blood|acidente|accident|accidente|ameac*|threw up|made me sick|me deixou doente|me hizo mal|passei mal|fiquei doente|got sick|threaten*|amenaz*|assedi*|harass*|stalk*|oxigenio|oxygen|oxigeno",
  ],
  explicit: [
    "pelo amor|urgent*|urgenc*|asap|expedite|agiliz*|pelo amor de deus|pelamor|por el amor de dios|for god's sake|for the love of god|please help|pls help|plz help|me ajudem|ayudenme|emergenc*|imediatamente|immediately|inmediato|right now|agora mesmo|ahora mismo|fix it now|ya mismo|dinero ya|now please|sem falta",
    "tenho pressa|estou com pressa|in a hurry|hurry up|tengo prisa|apurem|apressem|dense prisa|apurense|pra ontem|para ontem|para ayer|time sensitive|time-sensitive|nao pode esperar|can't wait|cannot wait|no puede esperar",
    "ajuda,ajudem,ayuda,ayudenme,ayudame,help favor,please|socorr*|want ~ now|quero ~ agora|quiero ~ ahora|urgentemente|urgent3|urgnt|urjent|urgente3|urgemte|want a manager|speak to a manager|speak to a supervisor|talk to a manager|talk to a supervisor|falar com o gerente|falar com um gerente|falar com o supervisor|falar com um supervisor|falar com o responsavel|hablar con el gerente|hablar con un supervisor|hablar con un gerente|escalate this|escalate it|desesperad*|desperate|panico|panic|o quanto antes|o mais rapido possivel|quanto antes|as soon as possible|lo antes posible|cuanto antes|lo mas pronto posible|immediate*|prioridad*|priorit*|critical|critico|critica|grave|serious|socorro|sos|help me please|ajuda por favor|ayuda por favor|need ~ now|preciso ~ agora|necesito ~ ahora|need it today|preciso pra hoje|preciso para hoje|lo necesito hoy|right away",
  ],
  cancel: [
    "de baja|dar de baja|darme de baja|denme de baja|den de baja|dame de baja|cancel*|cancela*|cancelo|encerrar|desistir|unsubscribe|rescindir|rescindo|rescisao|rescision|terminate|terminating|concorrencia|competitor|competencia",
    "trocar de operadora|mudar de operadora|trocar de banco|mudar de banco|switch provider*|switching to|switch to another|cambiar de compania|cambiarme de|portabilidade|close my account|fechar minha conta|encerrar minha conta|cerrar mi cuenta|nunca mais compro|never buying|never ordering|never again|nunca mas|i'm done|i am done|cansei|me cansé|estoy harto|estoy harta|last chance|ultima chance|ultima oportunidad|leaving|vou embora|me voy",
  ],
  refund: ["reembols*|estorn*|refund*|devolv*|money back|meu dinheiro|mi dinero|my money"],
  deadline: [
    "hoje|amanha|today|tomorrow|tonight|hoy|manana|prazo|deadline|ate amanha|until tomorrow|by tomorrow|antes de|before the",
    "ate,until,by,hasta segunda,terca,quarta,quinta,sexta,sabado,domingo,monday,tuesday,wednesday,thursday,friday,saturday,sunday,lunes,martes,miercoles,jueves,viernes,noon,meio-dia,amanha,tomorrow,manana,today,hoje,hoy",
    "or i'm|or i will|or i'll|ou eu vou|ou vou|o voy a|o me voy|in # hours|vence|vencem|vence hoje|vence amanha|vence hoy|is due|are due|due today|due tomorrow|rent is due|aluguel|rent|alquiler|prometeram|prometeu|prometido|prometida|promised|prometieron|prometio|was due|were due|overdue|it's been|its been|been a month|been # weeks|ja se passaram|ja passaram|se passaram|ya pasaron|hace un mes|hace # semanas|passou o prazo|prazo venceu|prazo vencido|fora do prazo|past the deadline|after the deadline|em # horas|daqui a # horas|daqui # horas|en # horas|dentro de # horas|within # hours|unless|a menos que|a no ser que|esta noite|esta tarde|this evening|this afternoon|within the hour|em uma hora|em 1 hora|in an hour|en una hora|end of day|fim do dia|fin del dia|otherwise|caso contrario|or else|de lo contrario|se nao resolverem|se nao devolverem|if you don't fix|if this isn't fixed|if this is not fixed|si no resuelven|si no me devuelven|if not resolved|sob pena",
  ],
  repeat_contact: [
    "terceir*,quart*,quint*,third,fourth,fifth,tercer*,cuart* mensagem,msg,email,chat,chamado,contato,ligacao,message,call,ticket,mensaje,llamada,correo,reclamo",
    "my # email|my # message|my # chat|my # call|minha # mensagem|minha # ligacao|meu # email|mi # mensaje|mi # llamada|been calling|been trying to reach|trying to get through|tentando falar|ligando ha|tentando contato|intentando comunicarme|llamando hace|liguei # x|called # x|escrevi # x|mandei # x|# dias sem resposta|semana sem resposta|semanas sem resposta|weeks without an answer|weeks without a reply|weeks with no reply|weeks with no answer|semanas sin respuesta|semana sin respuesta|# days without|# days with no|# dias sin respuesta|# horas esperando|# hours waiting|waiting for # hours|on hold for|esperando na linha|# horas na linha|# horas en espera|# hours on hold|segunda vez|second time|2nd time|# atendentes|# agents|# agentes|# protocolos|# tickets|# chamados|# dias tentando|trying for # days|# days trying|# horas no telefone|# hours on the phone|# horas al telefono|on hold for #|de novo e nada|otra vez y nada",
    "# vez|# vezes|# emails|# e-mails|# mails|# messages|# mensagens|# msgs|# mensajes|# correos|# calls|# ligacoes|# llamadas|# chats|# reclamacoes|# complaints|# quejas|# protocolos|terceira vez|quarta vez|quinta vez|# time|# times|third time|fourth time|fifth time|tercera vez|cuarta vez|# veces|twice",
    "ja liguei|ja falei|ja entrei em contato|ja mandei|ja escrevi|already called|already contacted|already wrote|already emailed|called twice|called ~ times|ya llame|ya escribi",
    "again and again|de novo e de novo|varias vezes|several times|multiple times|many times|varias veces|ninguem responde|nobody answers|nadie me responde|nadie responde",
    "ja abri|ya abri|already opened|abri ~ chamado|abri ~ ticket|opened ~ ticket|numero do protocolo|protocolo|case number|ticket number|numero de caso|numero de ticket|ainda sem resposta|still no answer|still no response|still no reply|sigo sin respuesta|no one has answered|no one answered|nobody has answered|ninguem me respondeu|ninguem respondeu|toda vez que ligo|every time i call|cada vez que llamo|keep calling|sempre a mesma|same answer|mesma resposta|misma respuesta|been trying for|tentando ha|llevo ~ intentando|ja reclamei|already complained|ya reclame|ja pedi|already asked|ya pedi|ja solicitei",
  ],
};

/**
 * Wordings of a reason that are enough alone (weight of the threshold): a threat to cancel or
 * to leave for a competitor, whatever the tone, and a demand for money lost. "Quero cancelar
 * minha assinatura" stays a plain request (URGENCY_PATTERNS.cancel, 1.5).
 */
export const URGENCY_STRONG: Readonly<Partial<Record<UrgencyReason, readonly string[]>>> = {
  cancel: [
    // I will cancel / cancel everything (pt, en, es)
    "vou cancelar|vou cancelar tudo|cancelar tudo|cancela tudo|cancelem tudo|cancelo tudo|eu cancelo|cancelo o plano|cancelo a assinatura|cancelo minha conta",
    "i'm cancelling|im cancelling|i'm canceling|im canceling|i am cancelling|i am canceling|i'll cancel|ill cancel|i will cancel|gonna cancel|going to cancel|cancel everything|cancelling everything|canceling everything|cancel all",
    "voy a cancelar|cancelo todo|cancelen todo|cancelar todo|cancela todo|me doy de baja|me voy a dar de baja|doy de baja todo",
    // I am leaving for someone else
    "saio da operadora|saio do banco|saio dessa|vou sair da operadora|vou sair do banco|vou sair dessa|trocar de operadora|mudar de operadora|trocar de banco|mudar de banco|outra operadora|concorrencia|concorrente|vou embora",
    "switching to another|switching to a different|switch to another|switching providers|switching banks|switching carriers|i am switching|we're switching|another provider|another company|another bank|competitor*|taking my business elsewhere|take my business elsewhere|business elsewhere|going elsewhere|go elsewhere|going with|closing my account|close my account|i'm leaving|im leaving|done with you|pulling all|pulling our|pull our",
    "vou encerrar|encerrar tudo|desisto|procurar outra empresa|procurar outra operadora|perderam um cliente|perderam uma cliente|perderam mais um|acabaram de perder|my notice|terminating my contract|romper el contrato",
    "so done|i'm done with|im done with|i am done with|cansei dessa|cansei desse|cansei de voces|estoy harto de|estoy harta de",
    "levar meu dinheiro|llevar mi dinero|my money elsewhere|meu dinheiro pra outro|mi dinero a otro",
    // I will not pay any more for it
    "not paying for|i'm not paying|im not paying|i am not paying|won't pay another|nao vou pagar|nao pago mais|me recuso a pagar|refuse to pay|no voy a pagar|no pienso pagar|no pago mas|no pienso seguir pagando",
    "i quit|i'm switching|im switching|will be switching|lost a customer|you've lost|you just lost|take my money elsewhere|cancel my contract|i want out",
    "perdieron un cliente|perdieron una clienta|busco otra compania|busco otra empresa|me paso a la competencia|me voy a otra",
    "me voy a cambiar|me cambio de compania|me cambio de empresa|me cambio de banco|me cambio de operador|me cambio a|cambiarme de compania|la competencia|me paso a|me voy con",
  ],
  refund: [
    // Give me back the money you took
    "quero meu dinheiro de volta|quero meu dinheiro|devolvam meu dinheiro|devolve meu dinheiro|devolver meu dinheiro|cade meu dinheiro|onde esta meu dinheiro",
    "the difference back|refund the difference|a diferenca de volta|devolvam a diferenca|devolver a diferenca|la diferencia de vuelta|devuelvan la diferencia",
    "want my money back|give me my money back|give my money back|where is my money|where's my money|return my money",
    "devuelvan mi dinero|devuelvan el dinero|devuelvanme|quiero mi dinero|donde esta mi dinero|necesito mi dinero",
  ],
};

/**
 * Wordings enough alone in a statement that only ask in a plain question: "vou dar chargeback"
 * threatens, "what's the deadline to dispute a charge?" asks about the policy; "vou pra outra
 * operadora" threatens, "como funciona a portabilidade pra outra operadora?" asks. They count
 * half in a clause ending with "?", like the weak cues. (Threats to leave are URGENCY_STRONG,
 * also askable.)
 */
export const URGENCY_ASKABLE: Readonly<Partial<Record<UrgencyReason, readonly string[]>>> = {
  // Named as a debtor: harm done, or a question about how it works ("como limpar meu nome?")
  billing_error: ["serasa|spc|nome sujo|negativad*|negativaram|negativou|sent to collections|debt collector|collection agency|collections agency|credit report|credit score|buro de credito|boletin comercial|infocorp|cobradores"],
  // A card used by someone, or to be blocked now: reported, or asked about ("meu cartão foi usado
  // ontem? não lembro", "como bloqueio meu cartão se eu perder?")
  fraud: ["golpe|golpes|fraud*|scam*|estafa*|block my card|bloquear meu cartao|bloqueiem meu cartao|bloqueia meu cartao|bloquear mi tarjeta|bloqueen mi tarjeta|bloqueen mi cuenta|block my account|bloquear minha conta|cartao,card,tarjeta,conta,account,cuenta ~ usad*,used,usada,usado,utilizad*|usaram meu cartao|usaron mi tarjeta|used my card|usando meu nome|using my name|usando mi nombre"],
  legal: ["chargeback|charge back|dispute|disputar|contestar|contestacao|contestacion|estorno no cartao|contestar a compra|open a dispute|abrir disputa"],
};

/**
 * Names and services that carry an urgency word without reporting anything: "entrega urgente"
 * is a shipping option, "Urgent Care" a product. A cue starting inside one of these is skipped.
 */
export const URGENCY_NEUTRAL: readonly string[] = [
  // Fraud as a topic: a product, a video or advice against it ("vcs têm algum produto contra
  // fraude?", "loved the video about spotting scams")
  "contra,against,evitar,avoid,avoiding,prevent,preventing,prevenir,spot,spotting,detect,detecting,identificar,reconhecer,combater,combatir,fight golpe*,fraud*,scam*,estafa*|contra o golpe|contra a fraude|contra el fraude|contra la estafa|anti-fraude|antifraude|antifraud|anti-fraud|fraud monitoring|fraud protection|fraud prevention|fraud detection|fraud alerts|scam alerts|prevencao a fraude|prevencao de fraude|prevencao de golpes|protecao contra fraude|proteccion contra fraude|prevencion de fraude|seguro contra fraude|fraud insurance",
  // A lawyer or an accountant asking for paperwork is no threat ("meu advogado pediu a segunda via")
  "advogad*,lawyer*,abogad*,attorney*,contador*,accountant ~ pediu,pidio,asked,requested,solicitou,solicito,needs,precisa,necesita,quer,quiere,wants",
  // Done by mistake, not an accident ("my kid bought a game by accident")
  "by accident|por acidente|por accidente|sem querer|sin querer|accidentally|acidentalmente|accidentalmente",
  "number for emergencies|emergency number|numero de emergencia|telefone de emergencia|emergency contact|contato de emergencia|linea de emergencia|emergency line|emergency hotline|for emergencies|em caso de emergencia|en caso de emergencia|in case of emergency|in an emergency|numa emergencia|en una emergencia|atendimento de urgencia|atencion de urgencia|atendimento de emergencia|atencion de emergencia|urgent care|emergency care|pronto atendimento|servicio de urgencias|emergency cover|emergency coverage|cobertura de emergencia|cobertura de urgencia",
  "urgent delivery|urgent shipping|urgent option|urgent service|urgency fee|urgent fee|express delivery|entrega urgente|envio urgente|servico urgente|servicio urgente|taxa de urgencia|tarifa urgente|tarifa de urgencia|entrega expressa|envio expresso|envio express",
];

/**
 * The customer says it can wait, or is not serious, or only asks in case, or was wrong ("não é
 * urgente, mas...", "no big deal", "just checking", "in case I ever need to", "my mistake"): a
 * cue inside such words raises nothing, and the others count half, like a problem solved.
 */
export const URGENCY_CALM: readonly string[] = [
  "nao e urgente|nao eh urgente|nao e nada urgente|nada urgente|nao e urgencia|nao tem urgencia|sem urgencia|nao tem pressa|sem pressa|nao precisa correr|nao e emergencia|not urgent|isn't urgent|is not urgent|its not urgent|it's not urgent|nothing urgent|no urgency|not an emergency|no rush|no hurry|not in a hurry|no es urgente|nada urgente|sin urgencia|no hay urgencia|no hay prisa|sin prisa|no corre prisa|no es una emergencia",
  "nada grave|nao e grave|nao foi grave|nao e nada grave|nothing serious|not serious|not a big deal|no big deal|not a problem really|nada serio|no es grave|no fue grave|no es nada grave|no worries|sem stress|sin problema",
  "quando puder|quando puderem|quando der|when you can|when you get a chance|whenever you can|cuando puedan|cuando puedas|next week is fine|semana que vem ta bom|semana que vem esta bom|la proxima semana esta bien|la semana que viene esta bien",
  "just checking|just making sure|just curious|just asking|so confirmando|so pra confirmar|so para confirmar|so perguntando|so por curiosidade|por curiosidade|solo confirmando|solo para confirmar|solo pregunto|por curiosidad|in case i ever|just in case|if i ever|caso um dia|se um dia|caso eu precise|por si acaso|si algun dia|en caso de que",
  "false alarm|alarme falso|falso alarme|falsa alarma|my mistake|my bad|foi engano meu|erro meu|culpa minha|i was wrong|en realidad eran|en realidad era|eran en realidad|era en realidad|na verdade era|na verdade eram|era na verdade|eram na verdade|turns out it was|turned out it was|it was actually",
  // A scam only asked about: "não é golpe, né?", "legit or a scam?"
  "nao e golpe|nao e fraude|no es estafa|no es fraude|not a scam|isn't a scam|legit or|legitimo ou|legitimo o|verdadeiro ou|real or",
  // Cancelling an extra while keeping the rest
  "mantenho|vou manter|quero manter|keeping the|keeping my|i'll keep|mantengo|me quedo con|sigo con el|sigo con la",
];

/**
 * A problem the customer says is already solved ("o estorno já caiu", "the double charge got
 * refunded", "o app caiu mas já voltou"): the lexical cues count half, unless it happened again
 * or was only promised ("disseram que foi resolvido", "it was refunded but it happened again");
 * words of the solved phrase itself ("funcionando de novo") do not count as "again".
 */
export const URGENCY_RESOLVED: readonly string[] = [
  "ja foi estornad*|ja foi devolvid*|ja foram estornad*|ja me devolveram|mas,pero,but,e ~ resolveram,solucionaram,resolvieron,solucionaron,fixed,solved,resolved,sorted|me lo devolvieron|ya lo devolvieron|is sorted|was sorted|got sorted|is fixed|was fixed|got fixed|fixed it|fixed now|all working|working now|working fine now|agora esta funcionando|agora funciona|ahora funciona|funcionando ahora|ja devolveram|ja estornaram|ja foi estornado|ja foi devolvido|ja resolveram|ja foi resolvido|ja esta resolvido|ja esta tudo certo|ja caiu|ja recebi o estorno|ja recebi o reembolso|already refunded|got refunded|was refunded|been refunded|already fixed|you fixed|you already fixed|already sorted|sorted it|thanks for sorting|all sorted|ya me devolvieron|ya lo resolvieron|ya se resolvio|ya esta resuelto|ya me reembolsaron|has been resolved|was resolved|got resolved|problem solved|problema resolvido|problema resuelto|ja resolvido|ja devolvido|ya devuelto|ja foi solucionado|foi solucionado",
  "mas voltou|mas ja voltou|but it came back|but it's back|pero volvio|pero ya volvio|ja voltou|ja voltaram|voltou a funcionar|ja esta funcionando|ja funciona|funcionando de novo|funciona de novo|back up|back online|is back|working again|works again|ya volvio|ya funciona|funciona de nuevo|volvio a funcionar",
];
export const URGENCY_RESOLVED_UNLESS: readonly string[] = [
  "de novo|denovo|novamente|outra vez|otra vez|de nuevo|again|voltou a cobrar|voltaram a cobrar|started again|disseram|said|dijeron|supostamente|supposedly|supuestamente|claimed|alegam|prometeram|promised|but it|mas nao|pero no|but not|but no",
];

/**
 * Cues worth half the threshold, filed under the reason they point to: each is too common to
 * be urgent alone ("tem desconto pra idoso?", "é importante") but says enough beside another
 * reason ("um empréstimo que eu nunca pedi" and "hoje", "remédio" and a wrong delivery today).
 */
export const URGENCY_WEAK: Readonly<Partial<Record<UrgencyReason, readonly string[]>>> = {
  fraud: ["nunca pedi|nunca solicitou|never applied|never opened|nunca abri|never asked for|never requested|nunca solicite|nunca solicitei|nunca contratei|never signed up"],
  explicit: ["importante|important|importantisimo"],
  deadline: ["ja e o # dia|ja e a # semana|ya van # dias|ya van # semanas|van # dias|# dias sem|# dias sin|# days without|# weeks without|# semanas sem|# semanas sin|desde de manha|desde a manha|desde manha|since morning|desde la manana|desde temprano|landlord|senhorio|proprietario|casero|arrendador|ja sao # dias|ja sao # semanas|# dias ja|# days now|# weeks now|since monday|since yesterday|since this morning|since last week|desde ontem|desde segunda|desde cedo|desde semana passada|desde ayer|desde el lunes|desde la manana|pay my bills|pagar minhas contas|pagar as contas|pagar mis cuentas|pagar la renta|pagar o aluguel|pay the rent|pay my rent"],
  // Someone vulnerable or a medicine involved: urgent with a second reason ("o remédio veio
  // errado e ela precisa tomar hoje"), not in "tem desconto pra idoso?"
  health: ["vazand*|vazou|escapando|se esta saliendo|abuela|abuelo|avo|vovo|grandma|grandmother|grandpa|grandfather|granny|throat|garganta|aposentad*|retired|jubilad*|pensionista|sou idos*|itch*|coceira|cocando|picazon|year old|years old|anos de idade|bebe|baby|recem-nascido|newborn|gluten|celiac*|amendoim|peanut*|mani|cacahuate|nut free|lactose|diabet*|cirurgia|surgery|cirugia|quimio*|chemo*|dialise|dialysis|dialisis|tratamento|treatment|tratamiento|uso continuo|controlad*|remedio|medicamento*|medication|medicine|medic*|doctor|doutor|pharmacy|farmacia|receita medica|prescription|gas|fuga|idos*|elderly|gravida|pregnant|embarazada|wheelchair|cadeira de rodas|silla de ruedas|trago|burned my|burnt my|me queimei|me queme"],
  repeat_contact: ["anyone there|anybody there|is anyone there|tem alguem ai|alguem ai|alguem me responde|hay alguien|waiting for an answer|waiting for a reply|esperando resposta|esperando uma resposta|aguardando resposta|aguardando retorno|esperando respuesta|esperando una respuesta|ninguem me da ~ resposta|ninguem me responde|nobody replies|no one replies|nobody responds|no one responds|nadie contesta|ninguem responde|nobody gives me|no one gives me|nadie me da ~ respuesta|ninguem resolve|ninguem me ajuda|nobody helps|no one helps|nobody is helping|nadie me ayuda|nadie soluciona|nadie resuelve|nunca respondem|never answer|never respond|nunca responden"],
  outage: ["logged me out|me deslogou|me deslogaram|account doesn't exist|account not found|conta nao existe|conta nao encontrada|cuenta no existe|cuenta no encontrada|nao consigo entra|no puedo entra|account suspended|account locked|conta suspensa|cuenta suspendida|usuario bloqueado|usuario suspenso|usuario suspendido|cai toda hora|caindo toda hora|fica caindo|keeps dropping|keeps disconnecting|keeps cutting out|se cae a cada rato|se cae todo el tiempo|can't get into|cannot get into|can't log in|can't login|cannot log in|unable to log in|nao consigo entrar|nao consigo acessar|nao consigo logar|no puedo entrar|no puedo acceder|locked out|sem sinal|sin senal|no signal|payroll|folha de pagamento|nomina|bloquead*|blocked|locked|bloquea*|bloqueou|froze|frozen|congelad*|congelaron|retid*|retenid*|on hold"],
};

/**
 * Two halves anywhere in one message (PairIndex in match.ts): [first, second, reason, weight].
 * Each says what no short phrase can: the customer was charged for something already
 * cancelled, never delivered or free; money vanished; a business or a job stopped; a trip
 * leaves within hours.
 */
export const URGENCY_PAIRS: readonly (readonly [string, string, UrgencyReason, number])[] = [
  // Abroad without a way to pay
  [
    "no exterior|abroad|overseas|en el extranjero|fora do pais|outside the country|fuera del pais|de viagem|de viaje|on holiday|on vacation|de ferias|de vacaciones",
    "sem dinheiro|no money|sin dinero|sin plata|recusad*|declined|rechazad*|nao funciona|not working|no funciona|nao consigo usar|can't use|cannot use|no puedo usar|sem conseguir usar|bloquead*|blocked",
    "outage", 3,
  ],
  // An insurer or a health plan that will not pay
  [
    "seguro|seguradora|insurance|insurer|aseguradora|seguros|plano de saude|health plan|convenio",
    "nao quer pagar|nao paga|nao pagou|nao pagaram|won't pay|refuses to pay|refused to pay|didn't pay|no me paga|no quiere pagar|no pagan|no pago|negou|negaram|denied|rejected|recusou|recusaram|nego|rechazo",
    "billing_error", 3,
  ],
  // A charge that is not the customer's
  [
    "debito|cobranca|compra|charge|transaction|transacao|transaccion|cargo|cobro|pix|saque|withdrawal|retiro|purchase|divida|debt|deuda",
    "nao e meu|nao e minha|nao sao meus|nao sao minhas|isn't mine|is not mine|not mine|aren't mine|no es mio|no es mia|no son mios|ja paguei|already paid|ya pague|ja quitei|paid off",
    "fraud", 3,
  ],
  // Something eaten or drunk, then a reaction
  [
    "ate something|ate the|ate some|ate it|ate your|has eaten|had eaten|after eating|depois de comer|despues de comer|after using|after applying|after taking|depois de usar|depois de passar|depois de tomar|despues de usar|despues de aplicar|despues de tomar|after drinking|comeu|comi|comeram|comio|comimos|bebeu|bebio|tomou o|tomo el",
    "reacao|reaction|reaccion|empolad*|ronchas|bolinhas|itch*|coceira|coca*|picazon|rash|throat|garganta|passando mal|sick|vomit*|dor|pain|dolor|inchad*|swollen|hinchad*|manchas|spots|febre|fever|fiebre|hospital",
    "health", 3,
  ],
  // Luggage lost on a trip
  [
    "bagagem|mala|malas|luggage|baggage|suitcase|bag|equipaje|maleta",
    "extraviad*|perdid*|lost|sumiu|missing|perdieron|nao chegou|didn't arrive|never arrived|no llego|desaparec*",
    "deadline", 3,
  ],
  // Money that cannot be reached when something is due: salary, balance, payouts held back
  [
    "payment|pagamento|pago|transferencia|beneficio|benefit|aposentadoria|pension|pensao|auxilio|salario|salary|sueldo|saldo|payout*|repasse*|funds|fundos|fondos|dinheiro|money|dinero|plata|my pay|paycheck",
    "stuck|parad*|suspend*|suspens*|nao consigo sacar|nao deixa eu sacar|nao deixa sacar|can't withdraw|cannot withdraw|unable to withdraw|won't let me withdraw|no puedo retirar|no me deja retirar|no puedo sacar|bloquead*|bloquea*|bloqueou|blocked|froze|frozen|freeze|congel*|retid*|retenid*|held|on hold|nao libera|not releasing|won't release|no liberan|preso|presa|travad*|locked",
    "billing_error", 3,
  ],
  // Cannot pay the people a business owes
  [
    "nao consigo pagar|nao posso pagar|nao vou conseguir pagar|can't pay|cannot pay|unable to pay|won't be able to pay|no puedo pagar|no voy a poder pagar",
    "funcionarios|employees|staff|empleados|salarios|salaries|wages|payroll|folha|nomina|fornecedores|suppliers|proveedores|aluguel|rent|alquiler|bills|contas|cuentas",
    "outage", 3,
  ],
  // A card, a loan or an account opened without asking
  [
    "cartao|card|tarjeta|emprestimo|loan|prestamo|credito|credit|consignado|financiamento|financing|linha|chip|cpf|my name|meu nome|mi nombre",
    "nunca pedi|never asked for|never applied|never requested|nunca solicite|nunca solicitei|nunca contratei|nao contratei|no contrate|nao pedi|nao solicitei|didn't apply|didn't ask for|didn't request|nunca abri|never opened|no pedi|nunca pedí",
    "fraud", 3,
  ],
  // A medicine that did not come, came wrong or ran out
  [
    "meds|remedio|remedios|medicacao|medicamento*|medication*|medicine*|insulin*|medicina*|receita|prescription*|farmacia|pharmacy|medicacion",
    "weren't delivered|wasn't delivered|not delivered|nao foi entregue|nao entregaram|no entregaron|no fue entregado|undelivered|nao chegou|nao veio|nao recebi|didn't arrive|hasn't arrived|never arrived|didn't come|never came|no llego|no ha llegado|nunca llego|errad*|wrong|faltando|missing|acabou|acabar|ran out|run out|running out|out of|se acabo|se me acaba|sem|without|sin",
    "health", 3,
  ],
  // Care refused by a health plan
  [
    "cirurgia|surgery|cirugia|quimio*|chemo*|exame|exam|consulta|tratamento|treatment|tratamiento|autorizacao|authori*|autoriza*|internacao|procedimento|procedure|dialise|dialysis|medicamento|remedio|medication",
    "negou|negad*|denied|declined|rejected|recusad*|recusou|negaron|rechaz*|negaram|won't cover|wont cover|nao cobre|no cubre|refused",
    "health", 3,
  ],
  // A system or a site down, however far apart the two are said
  [
    "cajas|caixas|registers|tills|terminales|terminais|terminals|pdv|servers|servidores|sistemas|sistema|site|app|aplicativo|plataforma|platform|servidor|server|rede|network|api|portal|painel|dashboard|checkout|pagina|website|web|internet|wifi|conexao|conexion|connection",
    "caiu|fora do ar|se cayo|is down|went down|are down|been down|offline|crashed|caid*|unreachable|inacessivel|inacessiveis|inaccesible|inaccesibles|not responding|nao responde|no responde|timing out",
    "outage", 3,
  ],
  // Sent to the wrong place by mistake
  [
    "transferi|transferencia|transfer*|pix|mandei|enviei|envie|sent|deposit*|deposite|pagamento|payment",
    "por engano|por erro|by mistake|by accident|por error|por equivocacion|por equivoco|wrong account|conta errada|cuenta equivocada|chave errada",
    "billing_error", 3,
  ],
  // Charged (past tense) for something that should cost nothing
  [
    "pagaram|pagamos|cobrad*|cobrou|cobraram|cobraron|cobro|cobran|cobram|me cobran|cobrando|charging|charges|charge me|charge my|billing me|charged|billed|a charge|cobranca|cargo|debito automatico|debito|debit|autopay|auto-pay|renovou|renewed|renovo|debitad*|debitaram|debitou|descontad*|descontaram|descontou|descontaron|paguei|pague|i paid|paid|took the payment|tiraram|sacaram",
    "never took|didn't take|never used|didn't use|nunca usei|nao usei|nunca use|no use|nunca tome|no tome|nunca fiz|nunca hice|sumiu|sumio|disappeared|desapareceu|desaparecio|vanished|downgraded|troquei de plano|mudei de plano|changed my plan|cambie de plan|nunca contrate|never contracted|paguei em dia|paid on time|pague a tiempo|ja paguei|already paid|ya pague|ja estava pago|was already paid|ya estaba pagado|cancelamento|cancelacion|cancellation|cancelad*|cancelei|cancelled|canceled|cancelado|cancele|nunca chegou|nao chegou|never arrived|never came|nunca llego|no llego|nao recebi|nunca recebi|nunca recibi|no recibi|didn't receive|never received|never got|never ordered|didn't order|nunca pedi|nao pedi|never signed up|didn't sign up|didn't subscribe|nunca assinei|nao assinei|nunca contratei|no contrate|nunca me suscribi|only bought|only ordered|so comprei|so pedi|solo compre|solo pedi|nao existe|no existe|doesn't exist|not in my contract|nao esta no contrato|no esta en mi contrato|fora do contrato|fuera del contrato|isencao|isento|isenta|exempt|exento|exenta|exencion|waived|sem custo|sin costo|no cost|free of charge|same thing|same order|same purchase|same item|mesmo pedido|mesma compra|mesmo produto|misma compra|mismo pedido|mismo producto|gratis|free|closed|fechei|encerrei|cerre|unpaid|instead of|em vez de|en vez de|en lugar de|ao inves de|mesmo assim|anyway|aun asi|bloquearam|bloquearon|blocked my|bloqueou|cut my|cut off|cortaram|cortaron|cortou|desligaram|shut off|disconnected|suspenderam|suspendieron|so tenho uma|so tenho um|only have one|solo tengo una|solo tengo un|volvieron a cobrar|volvio a cobrar|voltaram a cobrar|voltou a cobrar|twice|again|de novo|otra vez|outra vez|duas vezes|dos veces|dobro|double",
    "billing_error", 3,
  ],
  // Money gone from an account
  [
    "beneficio|benefit|aposentadoria|pension|pensao|auxilio|dinheiro|saldo|salario|grana|reais|plata|dinero|money|money's|balance|paycheck|savings|funds|sueldo|pix|transfer*|deposit*|deposito|valor|da conta|de la cuenta|from the account|# mil|mil reais|# reais|# dolares|# pesos|da minha conta|from my account|de mi cuenta|na minha conta|in my account|en mi cuenta",
    "no me llega|nao me chega|no ha llegado|hasn't arrived|hasn't come|nao recebeu|nao recebi|nao recebemos|didn't receive|never received|never got|no recibio|no recibi|nao aparece|doesn't show|not showing|no aparece|sumiu|sumiram|sumido|missing|faltando|zerou|zero|never showed up|didn't show up|nunca apareceu|not credited|no se acredito|no me llego el dinero|nao caiu|no cayo|desapareceu|desapareceram|desaparec*|evapor*|vanish*|disappear*|gone|zerad*|empty|vacia|vacio|sumio|sumieron",
    "billing_error", 3,
  ],
  // A service cut, blocked or cancelled without warning
  [
    "cortaram|cortaron|cortou|cortado|cortada|cut|desligaram|suspenderam|suspendieron|suspendid*|suspens*|suspended|dieron de baja|bloquearam|bloquearon|bloqueou|bloquead*|blocked|cancelaram|cancelaron|cancelled my|canceled my|closed my|fecharam|cerraron",
    "sem aviso|sem avisar|sin avisar|sin aviso|without notice|without warning|no warning|sem motivo|sin motivo|for no reason|do nada|out of nowhere|de la nada",
    "outage", 3,
  ],
  // Nobody can get in or work
  [
    "nobody|noone|no one|none of us|ninguem|nadie|nenhum de nos|ninguno de nosotros",
    "can access|can log|can login|can work|can get in|can use|consegue acessar|consegue entrar|consegue trabalhar|consegue usar|conseguem acessar|conseguem entrar|pode acessar|pode entrar|puede entrar|puede acceder|puede trabajar|puede usar|pueden entrar|pueden acceder",
    "outage", 3,
  ],
  // A cash machine that kept the card or the money
  [
    "caixa eletronico|caixa 24 horas|banco24horas|atm|cash machine|cajero|maquina|saquei|saque|withdrew|withdrawal|retire|retiro",
    "nao saiu|nao entregou|nao liberou|nao deu o dinheiro|engoliu|swallowed|kept my card|didn't dispense|didn't give|didn't come out|no salio|no me dio|no entrego|se trago|retuvo|no dio el dinero",
    "billing_error", 3,
  ],
  // A transfer that never came
  [
    "transfer*|transferencia|pix|deposit*|deposito|ted|wire|remessa|remesa|giro",
    "hasn't reached|didn't reach|never reached|not received|wasn't received|nao foi recebid*|no fue recibid*|no les llego|nao recebeu|no recibio|never arrived|nunca chegou|nunca llego|didn't arrive|hasn't arrived|has not arrived|not arrived|nao chegou|no llego|no ha llegado|never came|never showed|nunca caiu|nunca cayo",
    "billing_error", 3,
  ],
  // Something that showed up on the card or the statement unasked (in an app, "apareceu uma
  // compra no cashback" is news)
  [
    "apareceu|apareceram|appeared|aparecio|aparecieron|showed up|popped up",
    "no meu cartao|no cartao|na fatura|na minha fatura|no extrato|no meu extrato|on my card|on the card|on my credit card|on my statement|on my bill|en mi tarjeta|en la tarjeta|en mi estado de cuenta|en mi resumen|en el extracto",
    "fraud", 3,
  ],
  // Something due at a given time today, or else a loss ("até as 17h de hj senão perco")
  [
    "hoje|today|tonight|hoy|# h|# pm|# am|# hrs|# hours|# horas|# min|# minutos|# minutes|meia noite|meia-noite|midnight|medianoche|meio dia|meio-dia|noon|mediodia|esta noite|esta noche|this afternoon|this evening|esta tarde",
    "senao|sino|perco|vou perder|i'll lose|i will lose|lose|pierdo|voy a perder|rejected|rejeitad*|rechazad*|multa|penalty|late fee|recargo",
    "deadline", 3,
  ],
  // Something that fails or did not come within hours of a set time ("a festa é às 15h e não chegou")
  [
    "# h|# pm|# am|# hrs|# hours|# horas|# min|# minutos|# minutes|meia noite|midnight|medianoche|abrimos|we open",
    "nao chegou|nao chega|hasn't arrived|has not arrived|didn't arrive|not here yet|no ha llegado|no llego|no llega|caid*|caiu|cai|down|disappeared|sumiu|desaparec*|not working|nao funciona|no funciona|stopped working|parou",
    "deadline", 3,
  ],
  // "Where is the money", money taken out of the account
  ["cade|where's|where is|donde esta|donde estan", "dinheiro|reais|money|dinero|plata|saldo|balance|pesos|dolares|dollars", "billing_error", 3],
  ["fizeram|transferiram|tiraram|sacaram|sacaron|took|withdrew|transferred|hicieron|retiraron", "da minha conta|from my account|de mi cuenta|meu saldo|my balance|mi saldo|all my money|todo meu dinheiro|todo mi dinero", "fraud", 3],
  // Someone else changed or used the account's keys
  [
    "alguem mudou|alguem alterou|alguem trocou|alguem acessou|alguem entrou|alguem usou|someone changed|someone accessed|someone used|somebody changed|somebody used|alguien cambio|alguien entro|alguien uso|alguien accedio",
    "email|senha|password|contrasena|clave|conta|account|cuenta|cartao|card|tarjeta|login|correo|telefone|phone",
    "fraud", 3,
  ],
  // A code or reset nobody asked for
  [
    "codigo|code|verification|verificacao|password reset|redefinicao|reset|senha|password|contrasena|clave|login|sms|token",
    "didn't request|didn't ask for|nao pedi|nao solicitei|no solicite|no pedi|never requested|never asked for|que nao fiz|i didn't make",
    "fraud", 3,
  ],
  // A business, a shop or someone's work stopped
  [
    "orders|pedidos|encomendas|our integration|nossa integracao|nuestra integracion|integration|integracao|integracion|webhook*|our website|our site|nosso site|meu site|my website|my site|nuestro sitio|mi sitio|nuestra web|mi web|nossa plataforma|agents|atendentes|agentes|operators|operadores|colaboradores|equipe|team|equipo|minha loja|nossa loja|my store|my shop|our store|our shop|online store|mi tienda|nuestra tienda|meu negocio|my business|our business|mi negocio|nuestro negocio|meu restaurante|my restaurant|our restaurant|mi restaurante|minha empresa|nossa empresa|my company|our company|mi empresa|mi local|el local|meu comercio|meu escritorio|our office|whole office|minhas vendas|our sales|mis ventas|meus clientes|my customers|our customers|mis clientes|our clients|my clients|our users|our team|my team|minha equipe|mi equipo|work from home|working from home|for work|at work|my job|home office|teletrabajo|trabalho|trabalhar|trabajo|trabajar|aula|class|reuniao|meeting|reunion|employees|funcionarios|empleados|staff|payroll",
    "aren't coming in|not coming in|stopped coming|not coming through|nao estao entrando|nao entram|pararam de entrar|no entran|no estan entrando|dejaron de entrar|sem acessar|sem conseguir|sin poder|sin acceder|ninguem trabalha|nadie trabaja|nobody can work|no one can work|sem email|sem e-mail|sin correo|sin email|without email|no email|sem acesso|sin acceso|without access|no access|blank page|blank screen|pagina em branco|tela branca|tela em branco|white screen|pantalla en blanco|pagina en blanco|unable to log|unable to access|unable to login|unable to use|idle|ocios*|sem trabalhar|sin trabajar|no pueden trabajar|nao conseguem trabalhar|dando erro|da erro|giving an error|getting errors|errors|erro|error|falhando|failing|fallando|parad*|stopped|fora do ar|down|caiu|caido|cayo|no funciona|nao funciona|not working|crash*|can't log in|cannot log in|can't access|cannot access|nao consigo entrar|nao consigo acessar|no puedo entrar|no puedo acceder|can't receive|cannot receive|nao consigo receber|no puedo recibir|not receiving|no recibo|can't run|cannot run|can't operate|nao consigo operar|no puedo operar|no me dejan|nao me deixa|won't let me|doesn't let me|can't get in|locked out|bloquead*|blocked|not loading|nao carrega|no carga|offline|sem internet|no internet|sin internet|sem sistema|sin sistema|sem sinal|sin senal|nao passa|can't take|perdendo|losing|perdiendo",
    "outage", 3,
  ],
  // A trip leaving within hours (today, not tomorrow: "I have a booking for tomorrow" is a plan)
  [
    "onibus|rodoviaria|autobus|bus station|train|trem|tren|voo|flight|vuelo|embarque|boarding|check in|checkin|reserva|booking|hotel|passagem|boleto de avion|connection|conexao|conexion|layover|escala|aviao|plane|avion",
    "nao passou|didn't show|never showed|no paso|no vino|no aparecio|hoje|today|tonight|hoy|esta noite|# horas|# hours|# h|agora|now|ahora|aeroporto|airport|aeropuerto|stranded|stuck|varad*",
    "deadline", 3,
  ],
];
