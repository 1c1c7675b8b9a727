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
)

# Article phrasing → ClinicalTrials.gov overallStatus values.
STATUSES: tuple[Term, ...] = (
    _t("COMPLETED", "已完成|已經完成|已经完成|has been completed|was completed|completed in", "completed"),
    _t(
        "RECRUITING",
        "正在招募|招募中|正在招募患者|is recruiting|currently recruiting|now recruiting",
        "recruiting",
    ),
    _t("TERMINATED", "已终止|已終止|提前终止|提前終止|was terminated|has been terminated", "terminated"),
    _t("NOT_YET_RECRUITING", "尚未开始招募|尚未開始招募|尚未招募|not yet recruiting", "not_yet_recruiting"),
)
