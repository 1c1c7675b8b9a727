"""Cue words of the named-study grammar, as data (zh-Hans, zh-Hant, en).

A named study is research described by who did it (an institution or team) and where or when it
appeared (a journal, a year). The tables below are the only vocabulary the grammar in
`claims.extract.studies` uses; add a word here, not a pattern there.
"""

from __future__ import annotations

ZH_INSTITUTION_SUFFIXES: tuple[str, ...] = (
    "医学研究生院",
    "醫學研究生院",
    "研究生院",
    "大学",
    "大學",
    "医院",
    "醫院",
    "研究院",
    "医学院",
    "醫學院",
    "研究所",
    "研究中心",
    "医学中心",
    "醫學中心",
    "医疗中心",
    "醫療中心",
    "科学院",
    "科學院",
    "学院",
    "學院",
    "分校",
    "公司",
)
EN_INSTITUTION_WORDS: tuple[str, ...] = (
    "University",
    "Institute",
    "Institutet",
    "Hospital",
    "College",
    "Medical Center",
    "Medical Centre",
    "Clinic",
    "School of Medicine",
)
# Words after which an institution is the trial's sponsor or leader, not the authors of a study.
ZH_SPONSOR_AFTER: tuple[str, ...] = (
    "发起",
    "發起",
    "资助",
    "資助",
    "赞助",
    "贊助",
    "主导",
    "主導",
    "牵头",
    "牽頭",
    "出资",
    "出資",
)
EN_SPONSOR_BEFORE: tuple[str, ...] = (
    "sponsored by",
    "funded by",
    "supported by",
    "financed by",
    "grant from",
    "grants from",
)
EN_SPONSOR_AFTER: tuple[str, ...] = ("-sponsored", "-funded", " sponsored", " funded")
# Words that describe a piece of research (a clause with an institution and a year needs one).
STUDY_WORDS: tuple[str, ...] = (
    "研究",
    "试验",
    "試驗",
    "发表",
    "發表",
    "报道",
    "報道",
    "報導",
    "报告",
    "報告",
    "团队",
    "團隊",
    "课题组",
    "課題組",
    "综述",
    "綜述",
    "分析",
    "发现",
    "發現",
    "study",
    "studies",
    "trial",
    "analysis",
    "researchers",
    "team",
    "group",
    "published",
    "reported",
    "described",
    "found",
    "showed",
)
# Nouns that name a piece of research: next to a journal with a year, they make a named study
# ("2019年发表在《柳叶刀》上的一项研究", "a 2020 study in The Lancet").
STUDY_NOUNS: tuple[str, ...] = (
    "研究",
    "试验",
    "試驗",
    "论文",
    "論文",
    "综述",
    "綜述",
    "study",
    "trial",
    "paper",
    "analysis",
    "meta-analysis",
    "cohort",
)
# Words that make research out of a journal and a year alone ("2018年《…》上发表").
RESEARCH_VERBS: tuple[str, ...] = (
    "发表",
    "發表",
    "报道",
    "報道",
    "報導",
    "刊登",
    "刊出",
    "published",
    "reported",
    "appeared",
)
# A four-digit number followed by one of these is a count, not a year ("2000 patients").
EN_COUNT_NOUNS: tuple[str, ...] = (
    "patients",
    "participants",
    "people",
    "persons",
    "subjects",
    "cases",
    "adults",
    "children",
    "women",
    "men",
    "individuals",
    "deaths",
    "events",
    "mg",
    "ml",
    "mL",
    "g",
    "kg",
)
