"""Words of other languages and creoles a caller mixes into English, turned into the English words the readers know:
Swahili and Malay ("kesho morning", "esok can?", "saa nne asubuhi"), Jamaican Patois ("mi cyaan mek it", "di first
one", "wah bout Saturday?"), Afrikaans ("ja", "nee dankie", "for môre"); the particles of Malaysian and South African
English ("lah", "hor", "né", "eish") are dropped, as they change nothing."""

from __future__ import annotations

from slotline.infrastructure.rules_nlu.vocabulary import WEEKDAYS
from slotline.infrastructure.rules_nlu.words import wordset

__all__ = ["loanwords"]

# particles, Swahili "hi" and "sorry to hear", Cantonese "aiya" and "wor", Urdu "baji" (sister), "alaikum", Sinhala
# "aney" (oh dear) and "machan" (mate), Arabic "inshallah" (God willing), "yalla" (come on), "habibi" (dear)
_DROPPED = wordset(
    "lah leh lor meh hor sasa pole ne eish aiya aiyah aiyo aiyoh wor baji alaikum alaykum aney machan inshallah "
    "insha allah yalla habibi habibti"
)
# Cantonese "la", after an answer: "ok la", "no la", "can la"
_LA_AFTER = wordset("ok okay no yes can cannot cant fine good sure then already one bye")
_WORDS = {
    # Swahili
    **{"kesho": "tomorrow", "leo": "today", "sawa": "okay", "ndio": "yes", "ndiyo": "yes", "hapana": "no"},
    **{"asante": "thanks", "ama": "or", "jumatatu": "monday", "jumanne": "tuesday", "jumatano": "wednesday"},
    **{"alhamisi": "thursday", "ijumaa": "friday", "jumamosi": "saturday", "jumapili": "sunday"},
    # Malay
    **{
        "esok": "tomorrow",
        "besok": "tomorrow",
        "lusa": "overmorrow",
        "boleh": "can",
        "tak": "not",
        "isnin": "monday",
        "selasa": "tuesday",
        "rabu": "wednesday",
    },
    **{"khamis": "thursday", "jumaat": "friday", "sabtu": "saturday", "ahad": "sunday"},
    # Jamaican Patois
    **{"cyaan": "cant", "caan": "cant", "unu": "you", "yuh": "you", "mek": "make", "di": "the", "dat": "that"},
    **{"dis": "this", "tanks": "thanks", "haffi": "have to", "wah": "what", "bout": "about", "pon": "on"},
    **{"weh": "where", "likkle": "little", "deh": "there", "nuh": "not", "mawnin": "morning", "hol": "hold"},
    **{"waan": "want", "yow": "hi", "inna": "in"},
    # Urdu and Punjabi, in Pakistani English
    **{"haan": "yes", "nahi": "no", "nahin": "no", "shukriya": "thanks", "acha": "okay", "achha": "okay"},
    "khong": "no",  # Vietnamese "không"
    **{"accha": "okay", "aaj": "today", "kal": "tomorrow", "parson": "overmorrow", "parso": "overmorrow"},
    **{
        "abhi": "now",
        "kuch": "any",
        "bas": "thats all",
        "salam": "hi",
        "salaam": "hi",
        "assalam": "hi",
        "assalamu": "hi",
    },
    # Sinhala, in Sri Lankan English ("avurudu", the New Year in April, is a holiday name: holidays.py)
    **{"aubowan": "hi", "ayubowan": "hi"},
    # Egyptian Arabic, in Egyptian English ("aiwa" is yes only where Arabic is spoken: _BY_REGION)
    **{"bukra": "tomorrow", "bokra": "tomorrow", "shukran": "thanks", "tamam": "okay"},
    **{"khalas": "thats it", "ahlan": "hi", "maalesh": "sorry", "maalish": "sorry", "elnaharda": "today"},
    # Afrikaans
    **{"ja": "yes", "nee": "no", "dankie": "thanks", "asseblief": "please", "vandag": "today", "lekker": "great"},
    **{"howzit": "hi", "goeiemore": "hi", "goeiemiddag": "hi", "goeienaand": "hi", "vanmiddag": "this afternoon"},
}
# Words whose meaning depends on where the business is: Arabic "aiwa" is yes, Shona "aiwa" is no. Elsewhere neither
# is read (a caller saying one is asked again, never taken at a guess).
_ARABIC = {"aiwa": "yes", "aywa": "yes"}
_SHONA = {"ehe": "yes", "aiwa": "no", "ndatenda": "thanks", "ndinotenda": "thanks", "mhoro": "hi"}
_SHONA |= {"mangwana": "tomorrow", "nhasi": "today", "ndapota": "please", "makadii": "", "maswera": ""}
# Bangla, in Bangladeshi English ("na" is no only here; "apu" and "bhaiya" are polite address, "thik ache" okay)
_BANGLA = {"kalke": "tomorrow", "aajke": "today", "porshu": "overmorrow", "dhonnobad": "thanks", "dhanyabad": "thanks"}
_BANGLA |= {"hae": "yes", "haa": "yes", "na": "no", "apu": "", "apa": "", "bhaiya": "", "bhai": "", "ache": ""}
_BANGLA |= {"thik": "okay", "accha": "okay", "achha": "okay"}
_ARABIC_REGIONS = frozenset(("EG", "SA", "AE", "JO", "LB", "KW", "QA", "BH", "OM", "MA", "DZ", "TN", "SD", "IQ"))
# Birmingham and the Black Country: "ar" (yes), "yow" (you, where Patois "yow" is hi), "bostin" (great), "bab"
_BRUMMIE = {"ar": "yes", "yow": "you", "yowre": "youre", "bostin": "great", "bab": "", "babby": "baby"}
_BRUMMIE |= {"tara": "bye", "tarra": "bye"}  # "tara-a-bit"
# Yorkshire and Lancashire: "t' morning" (the), "owt" (anything), "nowt" (nothing), "summat" (something), "reyt"
_NORTHERN = {"t": "the", "owt": "anything", "nowt": "nothing", "summat": "something", "reyt": "right"}
_NORTHERN |= {"wi": "with", "wean": "child", "bairn": "child"}  # Scots: "wi Kirsty", "the wean"
_NORTHERN |= {"tae": "to", "fae": "from", "oot": "out", "roond": "round", "wan": "one"}  # "quarter tae six"
# Luganda, in Ugandan English
_LUGANDA = {"yee": "yes", "yii": "yes", "nedda": "no", "webale": "thanks", "nnyo": "", "gyebale": "hi", "ko": ""}
_LUGANDA |= {"oli": "hi", "otya": "", "ssebo": "", "nnyabo": "", "mpola": "", "jjo": "yesterday", "enkya": "tomorrow"}
# Spanish, in the English of a caller to a business where Spanish is spoken ("es puente", "a las cinco", "en quince
# días"); the days, "mañana" and "gracias" are read everywhere (regional_words.py)
_SPANISH = {"es": "its", "puente": "holiday", "bueno": "okay", "claro": "sure", "perfecto": "perfect", "vale": "okay"}
_SPANISH |= {"orale": "okay", "andale": "okay", "ahorita": "soon", "disculpe": "sorry", "perdon": "sorry"}
_SPANISH |= {"semana": "week", "proxima": "next", "uno": "one", "una": "one", "dos": "two"}
_SPANISH |= {"tres": "three", "cuatro": "four", "cinco": "five", "seis": "six", "siete": "seven", "ocho": "eight"}
_SPANISH |= {"nueve": "nine", "diez": "ten", "doce": "twelve", "mande": "pardon"}
_SPANISH_REGIONS = frozenset(
    ("MX", "ES", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV", "NI", "CR", "PA", "UY")
)
# Tamil, in Indian and Sri Lankan English
_TAMIL = {"aama": "yes", "aamaa": "yes", "illa": "no", "illai": "no", "seri": "okay", "sari": "okay"}
_TAMIL |= {"nandri": "thanks", "naalaikku": "tomorrow", "naalai": "tomorrow", "inniki": "today", "indru": "today"}
_TAMIL |= {"vanakkam": "hi", "konjam": ""}
# Thai, in Thai English: "chai" (yes), "mai" (no), "ka"/"krub" (politeness particles), "khob khun" (thanks)
_THAI = {"chai": "yes", "mai": "no", "ka": "", "kha": "", "krub": "", "khrap": "", "krap": "", "na": ""}
_THAI |= {"sawasdee": "hi", "sawatdee": "hi", "sawaddee": "hi"}
# Irish English: "ye'll be shut" (no "yellow fever"), "ye" (you, plural)
_IRISH = {"yell": "you will", "ye": "you", "yere": "you are"}
# Māori, in New Zealand English: "after mahi" (work), "chur" (thanks), "mōrena" (good morning), "whānau" (family)
_MAORI = {"mahi": "work", "chur": "thanks", "morena": "hi", "whanau": "family"}
_MAORI |= {"tu": "too", "meke": "good", "ka": "", "pai": "good"}  # "tu meke" (awesome), "ka pai" (good)
# Kinyarwanda, in Rwandan English: "yego" (yes), "oya" (no), "murakoze" (thanks), "muraho" (hello); "ejo" is both
# yesterday and tomorrow, so it is left for the caller's English to say which
_KINYARWANDA = {"yego": "yes", "oya": "no", "murakoze": "thanks", "muraho": "hi", "mwaramutse": "hi", "mwiriwe": "hi"}
_KINYARWANDA |= {"amakuru": "", "cyane": "", "nibyo": "right"}
_BY_REGION = {
    **dict.fromkeys(("IN", "LK"), _TAMIL),
    "RW": _KINYARWANDA,
    "NZ": _MAORI,
    "IE": _IRISH,
    "TH": _THAI,
    **dict.fromkeys(_ARABIC_REGIONS, _ARABIC),
    **dict.fromkeys(_SPANISH_REGIONS, _SPANISH),
    "ZW": _SHONA,
    "BD": _BANGLA,
    "GB": _BRUMMIE | _NORTHERN,
    "UG": _LUGANDA,
}
# Patois "mi": "I" before what one does ("mi cyaan make it"), "my" before a thing ("mi back tyre").
_MI_DOES = wordset(
    "have had want waan need cyaan cant can could did do drive go going gone haffi know think will would a ago "
    "nah not coming reach get got just soon booked call"
)
# What "me" owns when it means "my": people, pets, the body and what a booking is for
_MINE = wordset(
    "son sons daughter daughters lad lads lass lasses kid kids boy boys girl girls young youngest eldest little wife "
    "husband missus mrs fella partner mum mam mom mother dad da father nan nana gran grandad brother sister mate "
    "baby babby dog dogs cat cats pup puppy head hair beard fade shave cut tea dinner lunch car bike van motor "
    "appointment appointments booking nails eyes eye teeth tooth back knee knees feet foot neck shoulder hip leg legs "
    "arm glasses prescription ears skin brows eyebrows lashes job work shift diary calendar "
    "phone mobile laptop computer ipad tablet screen"
)
_AFTER_DA = wordset("chi anh em yes yeah ok okay vang thanks cam i")
# Patois "fi": "for" before a day, a thing or a person ("fi Saturday", "fi di car"), "to" before a verb ("fi wait").
_FI_FOR = wordset("di the a mi my me him her dem them you unu this dis that dat next tomorrow today")
# Afrikaans "môre" (folded to "more") is tomorrow after these, at the end of a clause or before a time:
# "an eye test for môre?", "môre at ten"; "more" is English anywhere else ("anything more?").
_MORE_LEADS = wordset("for till until by")
# Parts of the day, said after a day or a time with no "in the" ("kesho asubuhi", "esok pagi").
_PARTS = {
    **{"asubuhi": "morning", "mchana": "afternoon", "alasiri": "afternoon", "jioni": "evening", "usiku": "night"},
    **{"pagi": "morning", "petang": "afternoon", "malam": "night"},
}
_PAIRS = {
    ("kesho", "kutwa"): "overmorrow",  # the day after tomorrow
    ("wiki", "ijayo"): "next week",
    # Spanish: "a las cinco" (at five), "en quince días" (in two weeks), "y media" (half past)
    **{("a", "las"): "at", ("quince", "dias"): "two weeks", ("y", "media"): "thirty"},
    # Vietnamese, in Vietnamese-American English: "cảm ơn" (thanks), "chị ơi" / "anh ơi" (calling to someone)
    **{("cam", "on"): "thanks", ("chi", "oi"): "", ("anh", "oi"): "", ("em", "oi"): ""},
    # Thai: "khob khun" (thanks), "mai chai" (not so, no)
    **{("khob", "khun"): "thanks", ("khop", "khun"): "thanks", ("mai", "chai"): "no"},
    **{("buenos", "dias"): "good morning", ("buenas", "tardes"): "good afternoon", ("buenas", "noches"): "hi"},
    ("wiki", "hii"): "this week",
    # Tagalog: "wala na po" (nothing else); not "wala" alone, the Urdu "Saturday wala appointment"
    ("wala", "na"): "nothing else",
    # Minnesotan and Upper Midwest: "you betcha" (yes), "uff da" (an exclamation)
    **{("you", "betcha"): "yes", ("uff", "da"): "", ("uff", "dah"): ""},
    # Friday prayers: "after Jumma" is the Friday afternoon, once the midday prayers are over
    **{("after", w): "in the afternoon" for w in ("jumma", "jummah", "juma", "jumah", "jumuah")},
    ("hari", "ini"): "today",
    ("terima", "kasih"): "thanks",
    ("minggu", "depan"): "next week",
    # Cantonese, in Hong Kong English: "dor je" (thanks for a gift or a favour), "m goi" (thanks for a service)
    **{("dor", "je"): "thanks", ("do", "je"): "thanks", ("m", "goi"): "thanks", ("mm", "goi"): "thanks"},
    **{("m", "hai"): "no", ("mm", "hai"): "no"},
    # Urdu
    **{("theek", "hai"): "okay", ("thik", "hai"): "okay", ("ji", "haan"): "yes", ("haan", "ji"): "yes"},
    **{("nahi", "ji"): "no", ("bas", "itna"): "thats all", ("o", "alaikum"): "", ("nahi", "bas"): "no thats all"},
    # Egyptian Arabic: "ba'd bukra" (the day after tomorrow), "mafeesh mushkila" (no problem), "el gom'a" (Friday)
    **{("bad", "bukra"): "overmorrow", ("baad", "bukra"): "overmorrow", ("bad", "bokra"): "overmorrow"},
    **{("mafeesh", "mushkila"): "no problem", ("mafish", "mushkila"): "no problem", ("el", "goma"): "friday"},
    **{("el", "sabt"): "saturday", ("el", "had"): "sunday", ("el", "khamees"): "thursday"},
    **{("el", "arbaa"): "wednesday"},
    # Northern Irish English: "the morra" (tomorrow)
    **{("the", "morra"): "tomorrow", ("the", "marra"): "tomorrow"},
}
_URDU_WEEKS = {("se", "ek"): "a week", ("se", "do"): "two weeks", ("se", "teen"): "three weeks"}
# After a time or a holiday in Urdu word order: "Eid ke baad" (after Eid), "Eid se pehle" (before Eid).
_POSTPOSITIONS = {("ke", "baad"): "after", ("kay", "baad"): "after", ("se", "pehle"): "before"}
# Swahili hours count from 6 in the morning and 6 in the evening: "saa nne" is ten o'clock, "saa saba" one.
_SWAHILI_NUMBERS = {
    "moja": 1,
    "mbili": 2,
    "tatu": 3,
    "nne": 4,
    "tano": 5,
    "sita": 6,
    "saba": 7,
    "nane": 8,
    "tisa": 9,
    "kumi": 10,
}


def loanwords(words: list[str], region: str | None = None) -> list[str]:
    """`words` with the loanwords in English: "kesho kutwa" as the day after tomorrow, "saa nne asubuhi" as at ten
    in the morning, "mi cyaan mek it" as "i cant make it", "for môre" as for tomorrow."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word, after = words[i], words[i + 1] if i + 1 < len(words) else ""
        if word == "saa" and after in _SWAHILI_NUMBERS:
            count, i = _swahili_count(words, i + 1)
            out += ["at", str((count + 5) % 12 + 1)]
            continue
        weeks = _URDU_WEEKS.get((word, after)) if out[-1:] in (["today"], ["tomorrow"]) else None
        if weeks is not None and words[i + 2 : i + 4] in (["hafte", "baad"], ["hafta", "baad"], ["hafton", "baad"]):
            out[-1:] = [*weeks.split(), "from", out[-1]]  # "aaj se ek hafte baad": a week from today
            i += 4
            continue
        if words[i : i + 3] == ["en", "quince", "dias"]:  # Spanish: "in two weeks"
            out += ["in", "two", "weeks"]
            i += 3
            continue
        if words[i : i + 3] == ["bas", "itna", "hi"]:  # Urdu: "that's all"
            out += ["thats", "all"]
            i += 3
            continue
        if (word, after) in _PAIRS:
            out += _PAIRS[word, after].split()
            i += 2
            continue
        if (word, after) in _POSTPOSITIONS and out:
            out.insert(len(out) - 1, _POSTPOSITIONS[word, after])  # "eid ke baad": "after eid"
            i += 2
            continue
        if word in ("ji", "hai"):  # Urdu "ji" (yes, or politeness), Cantonese "hai" (yes), Urdu "hai" (is)
            out += ["yes"] if not out else []
            i += 1
            continue
        if word == "mi":
            out.append("i" if after in _MI_DOES else "my")
        elif word == "me" and after in _MINE:
            out.append("my")  # "me son needs his kids' cut", "me head shaved" (British, Irish, Australian "me": my)
        elif word == "fi" and out[-1:] != ["wi"]:  # not the "fi" of "wi-fi"
            out.append("for" if after in _FI_FOR or after in WEEKDAYS else "to")
        elif word == "dem" and out and out[-1] not in ("a", "of", "to", "for", "with", "and", "i"):
            pass  # "di wheels dem": the plural, said once more
        elif word == "dem":
            out.append("them")
        elif word == "more" and i == 0 and after:
            pass  # Afrikaans "Môre!": good morning
        elif word == "da" and i == 0 and after in _AFTER_DA:
            pass  # Vietnamese "dạ", the polite particle opening an answer ("dạ chị ơi", "dạ yes")
        elif word == "more" and out[-1:] and out[-1] in _MORE_LEADS and after in ("", "at", "morning", "afternoon"):
            out.append("tomorrow")
        elif word == "la" and not out and region in _ARABIC_REGIONS:
            out.append("no")  # Arabic "la'": no (Cantonese "la" never opens a turn)
        elif word in _BY_REGION.get(region or "", {}):
            out += _BY_REGION[region or ""][word].split()
        elif word == "la" and ((out[-1:] and out[-1] in _LA_AFTER) or not after):
            pass  # "no la, bye bye"
        elif word in _PARTS:
            out += [_PARTS[word]] if out[-1:] in (["the"], ["this"]) else ["in", "the", _PARTS[word]]
        elif word not in _DROPPED:
            out += _WORDS.get(word, word).split()  # "haffi": "have to"
        i += 1
    return out


def _swahili_count(words: list[str], i: int) -> tuple[int, int]:
    """The number said from word `i` ("nne", "kumi na moja") and where it ends."""
    count = _SWAHILI_NUMBERS[words[i]]
    if count == 10 and words[i + 1 : i + 2] == ["na"] and words[i + 2 : i + 3] in (["moja"], ["mbili"]):
        return count + _SWAHILI_NUMBERS[words[i + 2]], i + 3
    return count, i + 1
