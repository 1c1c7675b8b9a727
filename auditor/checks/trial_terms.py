"""Bilingual terms for comparing what an article says about a trial with its registry record.

Each entry maps a concept to the words an article may use (English, simplified and traditional
Chinese) and the English words that show the concept in a ClinicalTrials.gov record. Matching is
by substring on lower-cased text, so the words are chosen to be specific ("spinal cord", not "cord").
Not a registered check module: it holds data only (the registry imports it like any module).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A concept: how articles name it, and how registry records name it."""

    name: str
    text_words: tuple[str, ...]  # as written in articles (zh-Hans, zh-Hant, en), lower-case
    record_words: tuple[str, ...]  # as written in registry records, lower-case


def _t(name: str, text_words: str, record_words: str) -> Term:
    return Term(name, tuple(text_words.split("|")), tuple(record_words.split("|")))


CONDITIONS: tuple[Term, ...] = (
    _t("spinal cord injury", "脊髓损伤|脊髓損傷|spinal cord injur|sci患者", "spinal cord|sci"),
    _t("Parkinson disease", "帕金森|parkinson", "parkinson"),
    _t(
        "Alzheimer disease",
        "阿尔茨海默|阿爾茨海默|阿茲海默|老年痴呆|老年癡呆|alzheimer",
        "alzheimer|dementia",
    ),
    _t("stroke", "卒中|中风|中風|stroke", "stroke|cerebral infarct|cerebrovascular|ischemic"),
    _t(
        "amyotrophic lateral sclerosis",
        "渐冻症|漸凍症|肌萎缩侧索硬化|肌萎縮側索硬化|amyotrophic|als患者",
        "amyotrophic|als",
    ),
    _t("diabetes", "糖尿病|diabet", "diabet"),
    _t("heart failure", "心力衰竭|心衰|heart failure", "heart failure|cardiac failure|cardiomyopathy"),
    _t(
        "myocardial infarction",
        "心肌梗死|心肌梗塞|心梗|myocardial infarction",
        "myocardial infarction|heart attack",
    ),
    _t("knee osteoarthritis", "骨关节炎|骨關節炎|osteoarthritis", "osteoarthritis"),
    _t("multiple sclerosis", "多发性硬化|多發性硬化|multiple sclerosis", "multiple sclerosis"),
    _t("COVID-19", "新冠|covid", "covid|sars-cov-2|coronavirus"),
    _t("liver cirrhosis", "肝硬化|cirrhosis", "cirrhosis|liver"),
    _t("graft-versus-host disease", "移植物抗宿主|gvhd|graft-versus-host", "graft|gvhd"),
    _t("macular degeneration", "黄斑变性|黃斑變性|macular degeneration", "macular"),
    _t("autism", "自闭症|自閉症|孤独症|孤獨症|autism", "autism|autistic"),
    _t("cancer", "癌症|肿瘤|腫瘤|cancer|tumor|tumour", "cancer|tumor|carcinoma|neoplasm|lymphoma|leukemia"),
    _t("lung cancer", "肺癌|lung cancer|nsclc", "lung|nsclc"),
    _t("obesity", "肥胖|obesity", "obesity|overweight"),
    _t("hypertension", "高血压|高血壓|hypertension", "hypertension|blood pressure"),
    _t("coronary artery disease", "冠心病|冠状动脉疾病|冠狀動脈疾病|coronary", "coronary|angina|ischemi"),
    _t("cystic fibrosis", "囊性纤维化|囊性纖維化|cystic fibrosis", "cystic fibrosis"),
)

INTERVENTIONS: tuple[Term, ...] = (
    _t("exosomes", "外泌体|外泌體|exosome|extracellular vesicle", "exosome|extracellular vesicle|secretome"),
    _t("mesenchymal stem cells", "间充质|間充質|mesenchymal|msc", "mesenchymal|msc|stromal"),
    _t("stem cells", "干细胞|幹細胞|stem cell", "stem cell|progenitor|mesenchymal|stromal|msc|ipsc"),
    _t("neural stem cells", "神经干细胞|神經幹細胞|neural stem", "neural stem|neural progenitor"),
    _t("gene therapy", "基因治疗|基因治療|gene therapy", "gene therapy|aav|vector|gene transfer"),
    _t("CAR-T", "car-t|car t", "car-t|car t|chimeric antigen"),
    _t("deep brain stimulation", "脑深部电刺激|腦深部電刺激|deep brain stimulation|dbs", "deep brain|dbs"),
    _t(
        "brain-computer interface",
        "脑机接口|腦機介面|腦機接口|brain-computer interface|bci",
        "brain-computer|brain computer|bci|neural interface",
    ),
    _t("dexamethasone", "地塞米松|dexamethasone", "dexamethasone"),
    _t("hydroxychloroquine", "羟氯喹|羥氯喹|hydroxychloroquine", "hydroxychloroquine"),
    _t("remdesivir", "瑞德西韦|瑞德西韋|remdesivir", "remdesivir"),
    _t("empagliflozin", "恩格列净|恩格列淨|empagliflozin", "empagliflozin"),
    _t("dapagliflozin", "达格列净|達格列淨|dapagliflozin", "dapagliflozin"),
    _t("semaglutide", "司美格鲁肽|司美格魯肽|semaglutide", "semaglutide"),
    _t(
        "pembrolizumab", "帕博利珠单抗|帕博利珠單抗|派姆单抗|pembrolizumab|keytruda", "pembrolizumab|keytruda"
    ),
    _t("lecanemab", "仑卡奈单抗|侖卡奈單抗|lecanemab", "lecanemab|ban2401"),
    _t("sacubitril-valsartan", "沙库巴曲缬沙坦|沙庫巴曲纈沙坦|sacubitril|lcz696", "sacubitril|lcz696"),
    _t("mRNA vaccine", "mrna疫苗|mrna vaccine|mrna-1273|bnt162b2", "mrna|bnt162|vaccine"),
)

INSTITUTIONS: tuple[Term, ...] = (
    _t("Stanford University", "斯坦福|史丹佛|stanford", "stanford"),
    _t("Harvard University", "哈佛|harvard", "harvard|massachusetts general|brigham|dana-farber|beth israel"),
    _t("Mayo Clinic", "梅奥诊所|梅奧診所|梅约|mayo clinic", "mayo"),
    _t("University of California, Los Angeles", "加州大学洛杉矶|加州大學洛杉磯|ucla", "los angeles|ucla"),
    _t("Johns Hopkins University", "约翰霍普金斯|約翰霍普金斯|johns hopkins", "johns hopkins"),
    _t("MD Anderson Cancer Center", "md安德森|md anderson", "anderson"),
    _t(
        "University of Pennsylvania",
        "宾夕法尼亚大学|賓夕法尼亞大學|賓州大學|university of pennsylvania",
        "pennsylvania|penn medicine",
    ),
    _t("Cleveland Clinic", "克利夫兰诊所|克里夫蘭診所|cleveland clinic", "cleveland"),
    _t(
        "Massachusetts General Hospital",
        "麻省总医院|麻省總醫院|massachusetts general",
        "massachusetts general",
    ),
    _t("Peking University", "北京大学|北京大學|peking university", "peking"),
    _t("Tsinghua University", "清华大学|清華大學|tsinghua", "tsinghua"),
    _t("Fudan University", "复旦大学|復旦大學|fudan", "fudan"),
    _t("Sun Yat-sen University", "中山大学|中山大學|sun yat-sen", "sun yat-sen|sun yat sen"),
    _t("Zhejiang University", "浙江大学|浙江大學|zhejiang university", "zhejiang"),
    _t(
        "Chinese Academy of Sciences",
        "中国科学院|中國科學院|中科院|chinese academy of sciences",
        "chinese academy of sciences|cas",
    ),
    _t(
        "National Taiwan University",
        "台湾大学|臺灣大學|台灣大學|national taiwan university",
        "taiwan university",
    ),
    _t("Karolinska Institute", "卡罗林斯卡|卡羅林斯卡|karolinska", "karolinska"),
    _t("University of Miami", "迈阿密大学|邁阿密大學|university of miami", "miami"),
    _t("University of Oxford", "牛津大学|牛津大學|university of oxford|oxford university", "oxford"),
    _t("Imperial College London", "帝国理工|帝國理工|imperial college", "imperial college"),
    _t("Pfizer", "辉瑞|輝瑞|pfizer", "pfizer"),
    _t("BioNTech", "biontech", "biontech"),
    _t("Moderna", "莫德纳|莫德納|moderna", "moderna"),
    _t("Novartis", "诺华|諾華|novartis", "novartis"),
    _t("Roche", "罗氏|羅氏|roche|genentech", "roche|genentech"),
    _t("AstraZeneca", "阿斯利康|astrazeneca", "astrazeneca"),
    _t("Merck Sharp & Dohme", "默沙东|默沙東|msd|merck sharp", "merck"),
    _t("Eli Lilly", "礼来|禮來|eli lilly|lilly", "lilly"),
    _t("Boehringer Ingelheim", "勃林格殷格翰|百灵佳殷格翰|百靈佳殷格翰|boehringer", "boehringer"),
    _t("Novo Nordisk", "诺和诺德|諾和諾德|novo nordisk", "novo nordisk"),
    _t("Sanofi", "赛诺菲|賽諾菲|sanofi", "sanofi"),
    _t("Bayer", "拜耳|bayer", "bayer"),
    _t("Janssen", "杨森|楊森|强生|強生|janssen|johnson & johnson", "janssen|johnson"),
    _t("Gilead Sciences", "吉利德|gilead", "gilead"),
    _t("Bristol-Myers Squibb", "百时美施贵宝|必治妥施貴寶|bristol-myers|bristol myers", "bristol"),
    _t("GlaxoSmithKline", "葛兰素史克|葛蘭素史克|glaxosmithkline|gsk", "glaxosmithkline|gsk"),
    _t("AbbVie", "艾伯维|艾伯維|abbvie", "abbvie"),
    _t("Amgen", "安进|安進|amgen", "amgen"),
    _t("Biogen", "渤健|百健|biogen", "biogen"),
    _t("Eisai", "卫材|衛采|eisai", "eisai"),
    _t("Regeneron", "再生元|regeneron", "regeneron"),
    _t("Takeda", "武田|takeda", "takeda"),
    _t("Vertex Pharmaceuticals", "福泰制药|福泰製藥|vertex pharmaceuticals", "vertex"),
    _t(
        "National Institutes of Health",
        "美国国立卫生研究院|美國國立衛生研究院|national institutes of health|nih",
        "national institute|nih|niaid|nhlbi|nci",
    ),
    _t(
        "National Institute of Allergy and Infectious Diseases",
        "美国国家过敏和传染病研究所|美國國家過敏和傳染病研究所|niaid|allergy and infectious",
        "allergy and infectious|niaid",
    ),
    _t(
        "National Heart, Lung, and Blood Institute",
        "美国国家心肺血液研究所|美國國家心肺血液研究所|nhlbi|heart, lung, and blood",
        "heart, lung|nhlbi",
    ),
    _t(
        "Capital Medical University",
        "首都医科大学|首都醫科大學|capital medical university",
        "capital medical",
    ),
    _t("NYU Langone Health", "纽约大学|紐約大學|nyu", "nyu|new york university"),
    _t("BeiGene", "百济神州|百濟神州|beigene", "beigene"),
    _t("Jiangsu Hengrui", "恒瑞|hengrui", "hengrui"),
    _t("Innovent Biologics", "信达生物|信達生物|innovent", "innovent"),
)

# Article phrasing → the ClinicalTrials.gov overallStatus values that agree with it (`record_words`).
_RUNNING = "recruiting|active_not_recruiting|enrolling_by_invitation|not_yet_recruiting"
STATUSES: tuple[Term, ...] = (
    _t(
        "completed",
        "已完成|已經完成|已经完成|已结束|已結束|has been completed|was completed|completed in|has completed",
        "completed",
    ),
    _t(
        "recruiting",
        "正在招募|招募中|仍在招募|is recruiting|currently recruiting|now recruiting|still recruiting",
        "recruiting|enrolling_by_invitation|not_yet_recruiting",
    ),
    _t("ongoing", "正在进行|正在進行|仍在进行|仍在進行|is ongoing|is still ongoing|is under way", _RUNNING),
    _t(
        "terminated",
        "已终止|已終止|提前终止|提前終止|was terminated|has been terminated|stopped early|was stopped",
        "terminated|suspended|withdrawn",
    ),
    _t("withdrawn", "已撤回|was withdrawn|has been withdrawn", "withdrawn"),
    _t("not yet recruiting", "尚未开始招募|尚未開始招募|尚未招募|not yet recruiting", "not_yet_recruiting"),
)
