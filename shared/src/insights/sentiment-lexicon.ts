/**
 * Hand-written sentiment lexicon for pt/en/es support chats, in folded spelling (see match.ts
 * for the pattern syntax). Weights: about ±2 strong, ±1 plain, ±0.5 mild. Phrases sit beside
 * words; the longest entry at a position wins, so "nao tenho do que reclamar" beats "reclamar".
 *
 * `negated` overrides what happens under negation; by default a negated positive turns into a
 * negative of 90% the strength ("não gostei") and a negated negative into a mild positive
 * ("não é ruim"). "Expected" entries weigh nothing alone but are complaints when negated: things
 * a customer expects to happen ("não chegou", "never arrived", "sem internet", "nadie responde").
 */
export interface LexiconEntry {
  weight: number;
  negated?: number;
  /** An opener that is sarcastic when the rest of the message is negative ("ótimo, ..."). */
  sarcastic?: boolean;
}

const EXPECTED: LexiconEntry = { weight: 0, negated: -1.3 };

const POSITIVE: Readonly<Record<string, number | LexiconEntry>> = {
  "obrigad*|obrigadao|thanks|thank|thx|gracias|valeu|agradec*|grateful|appreciat*|agradezco": 1.2,
  "adorei|adoro|amei|amo|amando|love|loved|loving|encant*|me encanta|adore*": 1.8,
  "gostei|gosto|curti|liked|gusto|gusta|gustó": 1.1,
  "otim*|excelente*|excellent|perfeit*|perfect*|perfecto|maravilh*|wonderful|fantastic*|fantastico|incrivel|incredible|increible|sensacional|amazing|awesome|genial|brilliant|top|que show|ficou show|show demais|muito show|foi show|espetacular|impecavel|flawless|outstanding|superb": 1.6,
  "bom|boa|bons|boas|good|great|bueno|buena|buenisim*|legal|nice|bacana|massa": 1,
  "parabens|congrats|congratulations|felicidades|felicitaciones": 1.2,
  "rapid*|quick*|fast|faster|agil|eficien*|efficient|smooth*": 0.8,
  "atencios*|educad*|prestativ*|gentil|helpful|friendly|amable|kind": 1,
  "resolvid*|resolvi|resolved|solved|resuelto|resolvio|sorted|fixed|solucionad*": 1.3,
  "got refunded|was refunded|been refunded|already refunded|refund landed|ja devolveram|ja estornaram|ja foi estornado|ja caiu|caiu certinho|ya me devolvieron|me devolvieron|ya me reembolsaron|thanks for sorting|for sorting|sorting it out": 1.3,
  "resolve*|resolv*|solve*|fix*|soluc*": { weight: 0.5, negated: -1.3 },
  "recomend*|recommend*": 1.2,
  "feliz|happy|contente|contento|contenta|satisfeit*|satisfied|satisfech*|pleased|glad": 1.3,
  "funcionou|worked|funciono": { weight: 0.8, negated: -1.3 },
  "cheers|certinho|tranquil*": 0.6,
  // Acknowledgements: "blz, aguardo retorno" and "ok cool, will wait" only say "understood"
  "beleza|cool|fine|certo": 0.25,
  "best|melhor|melhores|mejor": 1,
  "salvou|saved|lifesaver": 1.2,
  "demais": 1.2,
  "gratidao|agradecid*|lovely|impressed|impressionad*|impresionad*|great job|good job|buen trabajo|bom trabalho|show de bola|excelente trabajo|top demais": 1.4,
  "lindo|linda|lindos|beautiful|hermoso|hermosa|precioso|preciosa|excepcional|exceptional|chido|bacan|chevere|sweet|yay|uhul|eba": 1.2,
  "ajudou|ajudaram|helped|ayudo|ayudaron|me ayudaste": { weight: 0.8, negated: -1.3 },
  "enjoy*|disfrut*|facil|easy|pratic*|practical|well done|bem feito|bien hecho|on time|no prazo|a tiempo|works well|funciona bem|funciona bien|funciona muy bien": 0.9,
  "bien": 0.6,
  // Praise in slang and set phrases
  "arrasou|arrasaram|mandou bem|mandaram bem|caprichad*|anjo|angel|legend|kudos|stellar|terrific|fabulous|delighted|thrilled|like a charm|spot on|rock|rocks|game changer|de lujo|lo maximo|buenazo|encantad*|maravill*|you rock|tmj": 1.4,
  // Forgiving a delay or a small slip: "tudo bem, acontece", "sure, no rush"
  "acontece|it happens|no rush|no hurry|sem pressa|sin prisa|take your time": 0.8,
  "nota mil|nota 1000": 1.8,
  // "nada mal" is already a double negative: "no está nada mal" stays praise
  "nada mal|nao e nada mal|no esta nada mal": { weight: 1.3, negated: 1.3 },
};

const NEGATIVE: Readonly<Record<string, number>> = {
  "horri*|horrendo|terribl*|terrivel|pessim*|pathetic|patetic*|lamentavel|lamentable|deplorable|incompetent*|incompetencia|useless|inutil|nightmare|pesadelo|pesadilla|disaster|desastre|sucks|suck|rip off|ripoff|porqueria|fatal|awful|worst|pior|peor|lixo|garbage|trash|crap|porcaria|nojento|disgusting|ridicul*|absurd*|vergonh*|shame*|shameful|unacceptable|inaceitavel|inaceptable|inadmissivel": -2,
  "ruim|ruins|bad|mal|mala|malo|malisim*|poor|pobre": -1.2,
  "decepcion*|decepcao|disappoint*|frustra*|cansei|sacanagem|ladroes|ladrones|thieves|bosta|desorganiz*|enrolacao|enrolando|enrolad*|insatisfeit*|unhappy|dissatisfied|triste|sad|chatead*|upset|annoy*|irritad*|irritant*|molest*|enojad*|furious|furios*|puto|puta|revoltad*|angry|cansad*|fed": -1.5,
  "odeio|odiei|hate|hated|odio|detest*": -2,
  "raiva|rage|rabia|harto|harta|mad|pissed|grr|grrr|fml|smh|stupid|idiota|estupid*|mentira|mentiram|lie|lied|lying|engan*|misleading|rude|grosseir*|grosero|grosera|mal educad*": -1.6,
  "lament*|infelizmente|unfortunately|lamentablemente|desafortunadamente|worried|preocupad*|medo|afraid|scared|miedo|lastima|confus*|meh|caro|expensive|overpriced|estragad*|spoiled|podrid*|rotten|vencid*|expired|sujo|suja|dirty|sucio|sucia|incorrect*|incorret*": -0.9,
  "queimad*|quemad*|burnt|burned|que pena|what a pity|what a shame|pena": -1,
  "not what i ordered|nao e o que eu pedi|no es lo que pedi|not what i expected|nao era o que eu esperava|wrong item|item errado|produto errado|pedido errado|yeah right": -1.3,
  "vacilo|vacilao|vacilaram|vacilada": -1.5,
  "complicad*|complicated|dificil|difficult|hard to": -0.9,
  "problema*|problem*|issue|issues|defeito*|defect*|defective|erro|error|errad*|wrong|falh*|fail*|bug*|quebr*|broke|broken|roto|rota|amassad*|dented|danificad*|damaged|danad*": -1,
  "atras*|delay*|late|demor*|tarda*|slow|lent*|devagar": -1,
  "falt*|missing|sumiu|sumiram|lost|perdi|perdid*|perdendo|losing": -1,
  "reclam*|complain*|queja*": -0.8,
  "nunca mais|never again|nunca mas|never ordering again|never ordering": -2,
  // Waiting, not the plan to wait: "vou esperar então" is no complaint
  "esperando|aguardando|waiting": -0.6,
  "de novo|denovo|again|otra vez|mais uma vez|outra vez|de nuevo|again and again": -0.5,
  "exijo|exigir|exigo|i demand|nao aguento|can't stand|no aguanto|dor de cabeca|headache|dolor de cabeza|sigh|jeez|affs": -1,
  // "omg" is left out: it amplifies joy as often as anger ("omg I love it!!!")
  "aff|afff|argh|ugh|mds|meu deus|ffs|carai*|damn|joder": -1.2,
  // Surprise either way: "caramba, chegou no mesmo dia" is praise, "caramba, que demora" is not
  "caramba": -0.3,
  "pqp|wtf|porra|merda|shit|mierda": -1.8,
  "piada|joke|chiste|palhacada|brincadeira|descaso|desrespeito|disrespect*|falta de respeito": -1.6,
  "serio que|seriously|en serio|serio": -0.8,
  "cade|where is my|where's my|wheres my|onde esta meu|onde ta meu|donde esta": -0.8,
  "fria|frio|cold": -0.6,
  "golpe*|fraud*|scam*|roub*|stolen|clonad*|invadid*|hacked|hackead*|estafa*": -1.5,
  "cobrad*|cobrar*|cobraram|cobrou|charged|cobraron|billed": -0.5,
  "sem resposta|no response|no answer|sin respuesta|ninguem responde|nobody answers": -1.3,
  "mas o que|what the": -0.8,
  "ate agora nada|ate agora|still nothing|still no": -1,
  "impressive|impressionante": 0.6,
  "offline|is down|are down|went down|fora do ar|site caiu|app caiu|sistema caiu|internet caiu|caiu o sistema|caiu o site|caiu a internet|crash*|trava*|travou|freez*|froze|stuck|parad*": -1,
  "passando mal|sick|doente|hospital": -0.5,
  // Size is a fact to exchange on, barely a complaint ("ficou pequena, dá pra trocar?")
  "pequen*|small|too big|grande demais": -0.2,
  "someone ~ my account|alguem ~ minha conta|alguien ~ mi cuenta|without my consent|sem minha autorizacao|sem autorizacao|sem permissao|without permission|without authorization|sin permiso|sin autorizacion|left my account|saiu da minha conta|chargeback|dispute|contestar|declined|recusad*|rechazad*": -1.2,
  "got nothing|recebi nada|received nothing|nothing arrived|no recibi nada|no llego nada|dinheiro de volta|money back|dinero de vuelta|nothing happened|nada aconteceu|no paso nada|still waiting|continuo esperando|sigo esperando": -1.2,
  "perdendo vendas|losing money|perdendo dinheiro": -1,
  "alergi*|allerg*": -0.6,
  // Contempt and disappointment, in the words and slang people actually type
  "lousy|crappy|shoddy|subpar|mediocre|sloppy|unprofessional|clueless|rubbish|junk|flimsy|cheaply made|cutre|chafa|zoado|zoada|zuado|zuada|lerdo|lerda|chato|chata|injust*|unfair|um saco|que saco": -1.3,
  "ignored|ignoring|ignoram|ignoraram|ignoran|ignoraron|ignorad*|regret*|arrependid*|me arrependi|arrepentid*|worse|ruined|arruin*|estrag*|cheated|robbed|nojo|asco|que asco|fedor|fedid*|smelly|stinks|huele mal|mofad*|moldy|moho|desisto|indignad*|indignante|verguenza|vergonzoso|nefast*": -1.5,
  "sick of|tired of|bullshit|bs|fdp|vsf|vtnc|krl|caralho|foda-se|putz|wth|yikes|ew": -1.5,
  // Fell short of what was expected
  "deixou a desejar|deixa a desejar|deixa muito a desejar|leaves a lot to be desired|left a lot to be desired|deja mucho que desear|deja que desear": -1.3,
  "expected ~ more|expected ~ better|esperava ~ mais|esperava ~ melhor|esperaba ~ mas|esperaba ~ mejor|nada a ver": -0.8,
  // Rudeness and mess
  "desligou na minha cara|desligaram na minha cara|hung up on me|me colgo|me colgaron|grosso|grossa|grossos|grossas": -1.6,
  "bagunca|mess|messed up|screwed up|caos|chaos|relajo|desmadre|errar|errou|erraram|erraron|equivoc*": -1.2,
  "nothing's here|nothing is here|nothing here|nothing came|nada chegou|nao chegou nada": -1.2,
  // Blocked, locked out
  "locked|bloquead*|blocked|bloquearon|bloquearam|bloqueou": -1,
  // Exasperation
  "pelo amor de deus|pelamor|por el amor de dios|for god's sake|for the love of god|on hold": -1.2,
  // Refused, cut off, frozen, left without a word: what a company did to the customer
  "negou|negaram|negad*|denied|negaron|rechazad*|rejected|recusou|recusaram|refused": -1.2,
  "sem avisar|sem aviso|sem nenhum aviso|without notice|without warning|without telling|sin avisar|sin aviso|sem explicacao|sem nenhuma explicacao|sem motivo|for no reason|no reason|sin explicacion|sin motivo|sin razon": -1.2,
  "cancelaram|cancelou minha|cancelou meu|cancelled my|canceled my|cancelled her|cancelled his|cancelaron mi|cancelaron el|you cancelled|you canceled": -0.8,
  "frozen|congelad*|congelaron|cortaram|cortaron|cut off|shut off|desligaram": -1,
  "e nada|and nothing|y nada|e ate agora nada|and still nothing|y todavia nada|e nada ainda": -1.2,
  "prometeram|prometeu|promised|prometieron|prometio": -0.6,
  "tardo|tardaron|took a while|took ages|took forever|levou tempo|demorou um pouco|demoro bastante": -1,
  "buffer*|lagg*|glitch*": -1,
  "odd|weird|strange|estranh*|esquisit*|extrano|extrana|raro": -0.8,
  "drunk|bebado|bebada|borracho|borracha|embriagad*|alcoolizad*|deserto|deserted|abandon*|stranded|varad*|me largou|me largaram": -1.3,
  "cheiro ~ gas|olor ~ gas|huele ~ gas|smells ~ gas": -1.2,
  // Danger and harm: nobody reports these calmly, and they rarely carry a feeling word
  "fumaca|smoke|humo|pegou fogo|caught fire|on fire|fuego|incendio|engoliu|swallowed|cheiro de gas|smell gas|smell of gas|leaking|vazando|intoxic*|allergic reaction|reacao alergica|reaccion alergica|machucou|machucad*|hurt|injured|sangr*|bleeding|acident*|accident*|hit my car|bateu no meu carro|esquentou|overheat*|superaquec*": -1.2,
};

const EXPECTED_WORDS = [
  "cheg*|recebi|receb*|arriv*|llego|llega*|recib*|received|delivered|entreg*",
  "respond*|responde*|respuesta|resposta|retorno|reply|replied|answer*|atend*",
  "funciona*|work|works|working|abre|abrir|abriu|open|opens|load*|carreg*|consig*|puedo|pude|entra|entrar|login|logar|acess*|access*",
  "internet|sinal|senal|signal|luz|energia|power|agua|servico|service|servicio|conexao|conexion|connection|trabalhar|trabajar",
  "devolv*|estorn*|reembols*|refund*|dinheiro|money|dinero",
  "ajuda|ajudam|ajudar|ayuda|ayudan|ayudar|help|helps|presta|serve|sirve|sirven",
  "deixa|deixou|deja|let|lets|allow*|permite|permit*|carga|cargar",
  "print|prints|imprime|explica|explicam|explicar|explain|explains|explained|informa|informar|inform|veio|vieram|vino|vinieron|came|apareceu|aparecio|showed|aparece|aparecem|aparecen|appear|appears|show up|shows up",
  "confirmad*|confirmed|confirmou|aprovad*|approved|aprobad*|processad*|processed|liberad*|released|compens*|credited|creditad*|acreditad*",
];

const PHRASES_POSITIVE: Readonly<Record<string, number>> = {
  "nao tenho do que reclamar|nada a reclamar|no complaints|sem reclamacoes|nothing to complain|sin quejas|no tengo quejas|ninguna queja|no hay quejas|nenhuma reclamacao|zero complaints": 1.5,
  // Lost for words, in a good way: "não tenho palavras pra agradecer"
  "nao tenho palavras|sem palavras|no tengo palabras|sin palabras|speechless|no words": 1.2,
  "no worries|sem problemas|sem problema|no problem|sin problema|de nada|you're welcome": 0.8,
  "deu certo|deu tudo certo|tudo certo|all good|all set|works great|works perfectly|funciona perfeito|tudo ok": 1.2,
  "ta ok|esta ok": 0.4,
  "bom dia|boa tarde|boa noite|buenos dias|buenas tardes|buenas noches|good morning|good afternoon|good evening|tudo bem|todo bien": 0,
  "quanto tempo|quanto demora|cuanto tarda|cuanto demora|how long|quanto tempo demora|quanto tempo leva|cuanto tiempo tarda|cuanto tiempo demora|how long does ~ take": 0,
  "nota 10|nota dez|10/10|five stars|5 estrelas|cinco estrelas": 1.8,
  "muito obrigado|muito obrigada|thank you|thanks a lot|thank you so much|muchas gracias|mil gracias|valeu demais": 1.6,
  "super recomendo|highly recommend|recomiendo": 1.8,
  "you're the best|voces sao os melhores|son los mejores": 2,
  "cumple con lo que promete|does what it says|faz o que promete|as expected|como esperado|cumple": 1,
  "ate que ajudou|ate que enfim": 0.6,
  "not bad|nao e ruim|no esta mal|no es malo": 0.5,
  "not bad at all|nada mal": 1.3,
};

const PHRASES_NEGATIVE: Readonly<Record<string, number | LexiconEntry>> = {
  "could be better|poderia ser melhor|podia ser melhor|podria ser mejor|fazer o que|what can you do|que se le va a hacer": -0.8,
  "obrigado por nada|obrigada por nada|thanks for nothing|gracias por nada|valeu por nada|thank you for nothing": -2.2,
  // The customer's own slip or a quick question is no feeling ("comprei errado, dá pra trocar?")
  "quick question|pergunta rapida|pregunta rapida|duvida rapida|comprei errado|pedi errado|ordered the wrong|bought the wrong|me equivoque|acontece que": 0,
  "nothing wrong|nada de errado|nada errado|nada de malo|nada malo": { weight: 0, negated: 0 },
  "# horas|# hours|faz # dias|faz # semanas|faz # meses|ha # dias|ha # semanas|ha # meses|# dias esperando|# semanas esperando|# weeks|# days for|# dias pra|# dias para|# semanas para|# meses|# months|ya pasaron": -0.7,
  "que demora|so long|too long|takes forever|forever|una eternidad|uma eternidade": -1.2,
  "perda de tempo|waste of time|perdida de tiempo": -2,
  "vou processar|vou entrar com processo|reclame aqui|procon|profeco|lawyer|abogado|advogado": -1,
  "sem falta|no fail|sin falta|can't believe|cant believe|nao acredito|no puedo creer|sorry for the late|sorry for the delay|desculpa a demora|desculpe a demora|perdon la demora": 0,
  "mais uma semana|mais um dia|mais um mes|another week|another day|otra semana|otro dia": -0.8,
  "fell apart|caiu aos pedacos|se rompio|se rompe|se cierra sola|fecha sozinho|closes by itself": -1.3,
  "nao uso mais|no longer use|ya no uso": 0,
  "it's been a month|its been a month|been a month|faz um mes|ha um mes|hace un mes|it's been # weeks|been # weeks|ja se passaram|se passaram|ja passou o prazo|passou do prazo": -0.7,
  "cobrado duas vezes|cobrada duas vezes|charged twice|cobraron dos veces|charged me twice": -1.2,
};

const EMOJI: Readonly<Record<string, number>> = {
  "😡|🤬|😤|😠|👎|💔|😒|😩|😫|🤦|😑|😞|😔|😟|😕|🙁|☹|😣|😖|😥|😰|😱|🤮|🤢|💩|😓|😪|😿|🥺|😬|🖕|❌|🚫": -1.5,
  "😐|😶": -0.5,
  "😢|😭": -1.3,
  "🙄|🙃": -1.5,
  ":(|:-(|:((|=(|:'(|:/|:-/|:\\|:-\\|:[|d:": -1.2,
  "😊|🙂|😍|🥰|👍|🙏|❤|🎉|😁|😀|😃|😄|🤩|😘|💯|👏|🙌|✨|💖|💕|💙|💚|💜|🤗|😎|✅|🥳|👌|⭐|🌟|😉|💪|🔥|😻|🫶|🤝|😆|🧡|💛|🤍|♥": 1.4,
  ":)|:-)|:))|=)|:d|:-d|;)|;-)|<3|xd|:p|:-p": 1.2,
};

type Entries = [string, LexiconEntry][];

function entries(table: Readonly<Record<string, number | LexiconEntry>>): Entries {
  const out: Entries = [];
  for (const [sources, value] of Object.entries(table)) {
    const entry: LexiconEntry = typeof value === "number" ? { weight: value } : value;
    out.push([sources, entry]);
  }
  return out;
}

/** Separate alternatives that are multi-word phrases into patterns of their own. */
function expand(list: Entries): Entries {
  const out: Entries = [];
  for (const [sources, entry] of list) {
    const single: string[] = [];
    for (const alt of sources.split("|")) {
      if (alt.includes(" ")) out.push([alt, entry]);
      else single.push(alt);
    }
    if (single.length) out.push([single.join("|"), entry]);
  }
  return out;
}

// Openers that customers use ironically ("ótimo, mais uma semana sem internet").
const SARCASTIC = new Set(["otim", "excelente", "perfeito", "perfect", "maravilh", "great", "parabens", "congrats", "genial", "wonderful", "fantastic", "impressive", "lovely", "brilliant", "nice", "wow", "que bom", "legal", "love", "ador", "amei"]);

export function isSarcasticOpener(norm: string): boolean {
  for (const s of SARCASTIC) if (norm.startsWith(s)) return true;
  return false;
}

export const SENTIMENT_ENTRIES: Entries = [
  ...expand(entries(POSITIVE)),
  ...expand(entries(NEGATIVE)),
  ...expand(EXPECTED_WORDS.map((s): [string, LexiconEntry] => [s, EXPECTED])),
  ...expand(entries(PHRASES_POSITIVE)),
  ...expand(entries(PHRASES_NEGATIVE)),
  ...expand(entries(EMOJI)),
];

export const NEGATORS = new Set([
  "nao", "nunca", "nem", "jamais", "sem", "not", "never", "no", "nope", "dont", "didnt", "doesnt", "isnt", "wasnt",
  "cant", "cannot", "wont", "havent", "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "arent", "werent", "aint",
  "without", "ni", "tampoco", "sin", "nada", "ninguem", "nadie", "nobody", "nothing", "ninguno", "nenhum", "nenhuma",
  "ningun", "ninguna", "nd",
]);

/** "no" is the article "in the" in Portuguese ("no cartão"), so it negates only in en/es. */
export const NEGATORS_NOT_PT = new Set(["no"]);

export const INTENSIFIERS: Readonly<Record<string, number>> = {
  muito: 1.5, super: 1.5, mega: 1.6, tao: 1.4, really: 1.4, so: 1.4, very: 1.5, extremely: 1.8, muy: 1.5, bem: 1.2,
  totally: 1.5, totalmente: 1.5, completamente: 1.5, completely: 1.5, absolutely: 1.6, absolutamente: 1.6,
  muchisimo: 1.8, demasiado: 1.5, bastante: 1.3, pretty: 1.2, too: 1.3, extremamente: 1.8, hiper: 1.6, mucho: 1.4,
  incredibly: 1.6, such: 1.3, sumamente: 1.6, realmente: 1.4,
};

/** Words after an item that strengthen it: "não gostei nada", "not at all", "rápidos demais". */
export const POST_INTENSIFIERS: Readonly<Record<string, number>> = {
  nada: 1.5, demais: 1.4, "at all": 1.5, "para nada": 1.5, "pra caramba": 1.5, "de verdade": 1.3, mesmo: 1.2, bastante: 1.3,
  "nem um pouco": 1.5, "de jeito nenhum": 1.5,
};

export const DIMINISHERS: Readonly<Record<string, number>> = {
  pouco: 0.5, meio: 0.6, "a bit": 0.5, bit: 0.5, little: 0.6, slightly: 0.5, kinda: 0.6, "kind of": 0.6, "sort of": 0.6,
  somewhat: 0.6, levemente: 0.5, ligeiramente: 0.5, "un poco": 0.5, algo: 0.7, quase: 0.6, almost: 0.6, poquito: 0.5,
};

/** A wish or a request is not a feeling: "preciso disso resolvido", "I'd like this fixed". */
export const WISHES = new Set(["preciso", "need", "necesito", "quero", "want", "quiero", "gostaria", "like", "favor", "please", "podria", "poderia", "would", "could", "espero", "hope", "ojala"]);

/** The clause after one of these counts more than the one before ("bom, mas atrasou"). */
export const CONTRASTS = new Set(["mas", "but", "pero", "porem", "however", "entretanto", "though", "contudo", "todavia"]);

/**
 * How much a laugh says on its own: "kkkk"/"jajaja" are warm, "lol" is mostly a verbal tic
 * ("lol ok"). Laughter is weighed only when the rest is not a complaint.
 */
export function laughterWeight(norm: string): number {
  return /^(?:lol|lmao|lmfao|rofl)$/.test(norm) ? 0.25 : 0.6;
}

/** Laughter is mildly positive on its own and says nothing when the rest is a complaint. */
export function isLaughter(norm: string): boolean {
  return /^(?:k{3,}|(?:ha){2,}h?|(?:he){2,}|(?:hue){2,}|(?:rs){2,}|(?:ja){2,}j?|(?:je){2,}|lol|lmao|lmfao|rofl|kk)$/.test(norm);
}
