# ruff: noqa: E501  (the articles are prose: their lines are as long as the text needs)
"""Build the .docx articles of the corpus from the text below: `python bench/corpus/make_docx.py`.

Each article is a list of paragraphs; a paragraph starting with "# " is a heading. Inside a
paragraph, `^{…}` is a real superscript run (w:vertAlign="superscript"), as a word processor
writes citation numbers and exponents. Core properties get a fixed date so rebuilding changes
nothing but what the text changes.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
SUPERSCRIPT = re.compile(r"\^\{([^{}]{1,40})\}")
FIXED = datetime(2026, 12, 1, tzinfo=timezone.utc)

ARTICLES: dict[str, list[str]] = {}


def build(name: str, paragraphs: list[str]) -> Path:
    """Write one .docx article."""
    document = docx.Document()
    for text in paragraphs:
        if text.startswith("# "):
            document.add_heading(text[2:], level=1)
            continue
        paragraph = document.add_paragraph()
        position = 0
        for match in SUPERSCRIPT.finditer(text):
            paragraph.add_run(text[position : match.start()])
            paragraph.add_run(match.group(1)).font.superscript = True
            position = match.end()
        paragraph.add_run(text[position:])
    props = document.core_properties
    props.author, props.created, props.modified, props.last_modified_by = "corpus", FIXED, FIXED, "corpus"
    path = HERE / name
    document.save(str(path))
    return path


ARTICLES["en-03-car-t.docx"] = [
    "# Living drugs: what CAR T cells have achieved, and at what cost",
    "Chimeric antigen receptor (CAR) T cells are a patient's own lymphocytes, collected by apheresis, "
    "engineered to recognise a tumour antigen and infused back. In children and young adults with "
    "relapsed B-cell acute lymphoblastic leukaemia, the ELIANA trial gave the first multicentre evidence "
    "that a single infusion could induce durable remission^{1}. Maude and colleagues^{1} followed the "
    "patients for more than a year. The United States approved the first CAR T product on 30 August 2017.",
    "In 2008, Neelapu et al.^{2} reported the pivotal trial of a second product in refractory large B-cell "
    "lymphoma. Checkpoint inhibitors had already changed melanoma treatment^{3,4}, and Robert and "
    "colleagues^{3} later compared nivolumab with chemotherapy. The underlying biology, from immune "
    "evasion to tumour-promoting inflammation, has been reviewed widely^{2-5}. June et al. (2018) "
    "described the manufacturing steps in a widely read essay.",
    "# Numbers worth checking",
    "Of 75 infused patients, 61 achieved remission (85%). Cytokine release syndrome of grade 3 or 4 "
    "occurred in 35 of 75 patients (46.7%). Of the 111 patients enrolled in the lymphoma trial, 101 "
    "received the product and 12 did not. Of 30 patients in a single-centre series, 18 were adults and "
    "12 children; 58% of the paediatric patients were boys and 46% girls.",
    "Products are dosed by weight: one label allows 0.2 to 5.0×10? CAR-positive T cells per kilogram, "
    "a range that cannot be read as printed, while one centre reported a median dose of 3.1 × 10^{6} "
    "cells per kilogram. In melanoma, median survival improved from 6.4 to 10.0 months, a 46% gain "
    "(hazard ratio for death, 0.66; P = 0.003). In a registry, one-year survival rose from 25% to 45%, "
    "a 20% increase, and relapse fell from 40% to 30%, a relative reduction of 25%.",
    "Neurotoxicity was significantly associated with peak cytokine levels (P value = ), but the "
    "comparison of ferritin between groups, t(40) = 2.9, P = 0.006, was reported in full (n = 101). "
    "Expansion kinetics are shown in Figure 3. Registered trials include ELIANA (NCT02435849); a "
    "press release gave another as NCT024358 and a European study as ISRCTN1234567. A newer product "
    "is still being tested^{9}.",
    "For readers who want to check the sources: a press release about this work printed the identifiers as doi:10.105/NEJMoa1706442, PMID: 2909155701, ISSN 0092-8675, none of which can be looked up, while the journal itself is listed under ISSN 0092-8674.",
    "# References",
    "1. Maude SL, Laetsch TW, Buechner J, et al. Tisagenlecleucel in children and young adults with "
    "B-cell lymphoblastic leukemia. N Engl J Med. 2018;378(5):439-448. doi:10.1056/NEJMoa1709866",
    "2. Neelapu SS, Locke FL, Bartlett NL, et al. Axicabtagene ciloleucel CAR T-cell therapy in "
    "refractory large B-cell lymphoma. N Engl J Med. 2017;377(26):2531-2544. doi:10.1056/NEJMoa1707447",
    "3. Hodi FS, O'Day SJ, McDermott DF, et al. Improved survival with ipilimumab in patients with "
    "metastatic melanoma. N Engl J Med. 2010;363(8):711-723. doi:10.1056/NEJMoa1003466",
    "4. Robert C, Long GV, Brady B, et al. Nivolumab in previously untreated melanoma without BRAF "
    "mutation. N Engl J Med. 2015;372(4):320-330. doi:10.1056/NEJMoa1412082. PMCID: PMCA5996391",
    "5. Hanahan D, Weinberg RA. Hallmarks of cancer: the next generation. Cell. 2011;144(5):646-674. "
    "doi:10.1016/j.cell.2011.02.013",
    "6. Reck M, Rodríguez-Abreu D, Robinson AG, et al. Pembrolizumab versus chemotherapy for "
    "PD-L1-positive non-small-cell lung cancer. N Engl J Med. 2016;375(19):1823-1833. "
    "doi:10.1056/NEJMoa1606774",
    "7. Maude SL, Laetsch TW, Buechner J, et al. Tisagenlecleucel in children and young adults with "
    "B-cell lymphoblastic leukemia. N Engl J Med. 2018;378:439–48. PMID: 29385370.",
]


ARTICLES["zh-hans-03-blood-pressure.docx"] = [
    "# 血压降到多少才算好？强化降压研究二十年",
    "高血压是心脑血管病最重要的可控危险因素。我国约有2.45×10^{8}名成人患高血压，但不少文章把这个数字"
    "写成2.45×10?人，指数已经丢失^{12}。全国调查显示，高血压患者中知晓率为46.9%，未知晓率为55.1%。",
    "2015年，美国SPRINT研究显示，把收缩压控制在120 mmHg以下可以减少心血管事件和死亡^{1}。"
    "SPRINT研究组在2012年发表^{1}的结果常被引用，但这个年份是错的。在我国，Zhang等^{2}开展的STEP研究"
    "（NCT03015311）把60～80岁老年患者的收缩压目标定为110～130 mmHg。更早的降压和心血管保护研究也提示"
    "了类似方向^{3,4}，Wang等^{3}则常被误认为是其中一项研究的作者。ACCORD研究组^{4}在糖尿病患者中的"
    "结果却并不一致。这些研究的方法学差异已有系统讨论^{1-3}。",
    "2022年，中国医学科学院阜外医院的研究团队在《柳叶刀》发表研究，评估了基层医生主导的降压管理。"
    "Williamson等人(2019)报告了强化降压对认知功能的影响。",
    "# 数字怎么看",
    "STEP研究中8511名患者随机分组：4243名强化组、4268名标准组。换一种写法，8511名患者中，"
    "4243名被分到强化组（51.9%）。全国调查共调查451,755名成人，其中城市214,890名、农村246,865名。",
    "主要心血管事件发生率由4.6%降至3.5%，相对降低了33%。在另一项分析中，事件率由20%降至15%，相对降低25%。"
    "某地区的控制率由15.3%提高到25.3%，提高了10%。强化组低血压发生率为3.4%，标准组为2.6%，两组"
    "分母不同。全国数据见调查报告^{5}。强化组头晕发生率显著升高（P＝），而主要终点的差异显著（P<0.001），χ²(1)=6.3。",
    "一项社区研究（n=120）中，3例中2例（66%）的患者需要三种以上药物（图3）。研究于2017年1月启动。"
    "一份新闻稿把登记号写成ChiCTR2100，无法核对。",
    "想核对原文的读者需要注意：一份新闻稿把相关编号印成了doi:10.105/NEJMoa1706442、PMC-445566、NCT123456789，都无法检索；期刊本身的编号是ISSN 0092-8674。",
    "# 参考文献",
    "[1] SPRINT Research Group. A randomized trial of intensive versus standard blood-pressure control[J]. "
    "N Engl J Med, 2015, 373(22): 2103-2116. DOI: 10.1056/NEJMoa1511939.",
    "[2] Zhang W, Zhang S, Deng Y, et al. Trial of intensive blood-pressure control in older patients with "
    "hypertension[J]. N Engl J Med, 2021, 385(14): 1268-1279. DOI: 10.1056/NEJMoa2111437.",
    "[3] Yusuf S, Sleight P, Pogue J, et al. Effects of an angiotensin-converting-enzyme inhibitor, ramipril, "
    "on cardiovascular events in high-risk patients[J]. N Engl J Med, 2000, 342(3): 145-153. PMID: 265512720.",
    "[4] ACCORD Study Group. Effects of intensive blood-pressure control in type 2 diabetes mellitus[J]. "
    "N Engl J Med, 2010, 362(17): 1575-1585. DOI: 10.1056/NEJMoa1001286.",
    "[5] Wang Z, Chen Z, Zhang L, et al. Status of hypertension in China: results from the China Hypertension "
    "Survey, 2012-2015[J]. Circulation, 2018, 137(22): 2344-2356. ISSN 0009-7322.",
    "[6] Lewington S, Clarke R, Qizilbash N, et al. Age-specific relevance of usual blood pressure to vascular "
    "mortality: a meta-analysis of individual data for one million adults in 61 prospective studies[J]. "
    "Lancet, 2002, 360(9349): 1903-1913.",
    "[7] Zhang W, Zhang S, Deng Y, et al. Trial of intensive blood-pressure control in older patients with "
    "hypertension[J]. N Engl J Med, 2021, 385: 1268–1279.",
]


ARTICLES["zh-hant-03-her2.docx"] = [
    "# 一個基因、四代藥物：HER2陽性乳癌治療的演進",
    "1987年，研究者發現約四分之一的乳癌有HER2基因擴增，而且這類患者復發快、存活差^{1}。Slamon等人於1992年^{1}"
    "發表這項發現的說法並不正確。每個腫瘤細胞表面可有約2×10^{6}個HER2受體，是正常細胞的數十倍；"
    "也有科普文章寫成約2×10?個，指數已遺失。Baselga等(1996)更早報告了單株抗體的初步臨床結果。",
    "# 從晚期到早期",
    "Slamon等^{2}證明，化療加上曲妥珠單抗可以延長轉移性乳癌患者的存活。曲妥珠單抗首劑4 mg/kg，之後每週2 mg/kg。"
    "美國於1998年9月25日核准此藥。2005年，兩組大型輔助治療試驗同時發表^{3,4}，Piccart-Gebhart等^{3}報告了HERA"
    "試驗，而Romond等^{3}則常被誤列為HERA的作者。抗體藥物複合體進一步改變了治療格局^{2-5}。",
    "Modi等人(2022)在「HER2低表現」患者中證明T-DXd也有效^{6}（NCT03734029）。2019年，國立臺灣大學醫學院附設醫院的"
    "研究團隊在《臨床腫瘤學雜誌》發表研究，分析了本地患者的心臟安全性。",
    "# 數字",
    "DESTINY-Breast04中，373名T-DXd組、184名對照組，共557名；換句話說，557名患者中，373名接受T-DXd（70%）。"
    "客觀緩解率在T-DXd組為52.3%，在對照組為16.3%，兩者分母不同。EMILIA共991名患者，T-DM1組495名，對照組506名。"
    "在某醫院的病例中，HER2陽性佔18%，HER2陰性佔86%。",
    "中位無惡化存活期由5.1個月延長到9.9個月，延長了約80%；三年無病存活率由75%提高到87%，提高了12%；"
    "另一項指標由10%降至8%，相對降低20%。中位存活期T-DXd組為23.4個月，對照組為16.8個月，延長了約20%；另一試驗治療組為12個月，對照組為8個月，延長了50%。一項小型研究（n=40）中，7名中有6名（85%）完成療程，"
    "兩組比較t(38)=2.7（表2），但心臟毒性顯著增加（P值＝）未附數值。新聞稿中的登記號NCT0373402無法查詢。"
    "仍有多項試驗正在進行^{14}。",
    "想查核原文的讀者要留意：一份新聞稿把相關編號印成了PMCID: PMC12a34、ISSN 0092-8675、ChiCTR20000，都無法查詢；期刊本身的編號是ISSN 0092-8674。",
    "# 參考文獻",
    "1. Slamon DJ, Clark GM, Wong SG, et al. Human breast cancer: correlation of relapse and survival with "
    "amplification of the HER-2/neu oncogene. Science. 1987;235(4785):177-182. doi:10.1126/science.3798106",
    "2. Slamon DJ, Leyland-Jones B, Shak S, et al. Use of chemotherapy plus a monoclonal antibody against HER2 for "
    "metastatic breast cancer that overexpresses HER2. N Engl J Med. 2001;344(11):783-792. PMID: 112481530",
    "3. Piccart-Gebhart MJ, Procter M, Leyland-Jones B, et al. Trastuzumab after adjuvant chemotherapy in "
    "HER2-positive breast cancer. N Engl J Med. 2005;353(16):1659-1672. doi:10.1056/NEJMoa052306",
    "4. Romond EH, Perez EA, Bryant J, et al. Trastuzumab plus adjuvant chemotherapy for operable HER2-positive "
    "breast cancer. N Engl J Med. 2005;353(16):1673-1684. doi:10.1056/NEJMoa052122",
    "5. Verma S, Miles D, Gianni L, et al. Trastuzumab emtansine for HER2-positive advanced breast cancer. "
    "N Engl J Med. 2012;367(19):1783-1791. doi:10.1056NEJMoa1209124",
    "6. Modi S, Jacot W, Yamashita T, et al. Trastuzumab deruxtecan in previously treated HER2-low advanced breast "
    "cancer. N Engl J Med. 2022;387(1):9-20. doi:10.1056/NEJMoa2203690",
    "7. Swain SM, Baselga J, Kim SB, et al. Pertuzumab, trastuzumab, and docetaxel in HER2-positive metastatic "
    "breast cancer. N Engl J Med. 2015;372(8):724-734. doi:10.1056/NEJMoa1413513",
    "8. Slamon DJ, Leyland-Jones B, Shak S, et al. Use of chemotherapy plus a monoclonal antibody against HER2 for "
    "metastatic breast cancer that overexpresses HER2. N Engl J Med 2001; 344: 783–92.",
]


ARTICLES["ho-zh-hans-02-osteoporosis.docx"] = [
    "# 骨头里的“静悄悄的流行病”：骨质疏松药物三十年",
    "骨质疏松在骨折之前几乎没有症状，因此常被称为“静悄悄的流行病”。全球约有2.0×108名女性患骨质疏松，这个数字在不少材料中指数已经丢失。"
    "中国骨质疏松症流行病学调查共纳入20 416名参与者，其中20 164名（98.8%）完成了合格的骨密度检查，其中女性11 443名（56.7%）^{1}。"
    "40岁以上人群中骨质疏松患病率男性为5.0%，女性为20.6%，两者分母不同。Wang等^{1}还发现，接受抗骨质疏松治疗的患者比例很低；"
    "王临虹团队^{1}的这项调查于2021年8月2日发表。成人骨骼中约有1.1×10^{3}克钙。",
    "# 从双膦酸盐到单克隆抗体",
    "FIT研究纳入2027名已有椎体骨折的绝经后女性，阿仑膦酸钠使新发形态学椎体骨折风险降低约47%^{2}。Black等^{2}的这项研究开启了双膦酸盐时代，"
    "此后Black等^{3}又证明每年一次静脉注射唑来膦酸5 mg同样有效；但Black等人于2005年^{3}报告HORIZON结果的说法并不正确。",
    "地舒单抗是针对RANKL的单克隆抗体，每6个月皮下注射60 mg。Cummings等^{4}报告的FREEDOM研究中，3年新发椎体骨折发生率由安慰剂组的7.2%降至2.3%，"
    "相对降低68%；McClung等^{4}也参与了这项研究。特立帕肽每日皮下注射20 μg，Neer等^{5}发现新发椎体骨折由14%降至5%，相对降低约65%。",
    "罗莫佐单抗同时促进骨形成、抑制骨吸收，2019年4月在美国获批。FRAME研究中，12个月时新发椎体骨折由1.8%降至0.5%，相对降低73%^{6}；"
    "ARCH研究纳入4093名女性^{7}，24个月时新发椎体骨折为6.2%对11.9%，相对降低48%，Saag等^{6}常被误列为FRAME的作者。"
    "绝经激素治疗的利弊仍需个体化权衡^{11}。有指南建议按骨折风险分层治疗（Compston et al., 2019），Eastell等(2019)也提出了类似的建议。"
    "2020年，北京协和医院内分泌科的研究团队在《骨与矿物质研究杂志》发表研究，比较了不同药物的依从性。",
    "# 数字怎么读",
    "以下数字为说明用的示例。设想某门诊随访150名患者，其中口服双膦酸盐组62名、静脉组48名、地舒单抗组45名。随访两年，42名出现再骨折（32%）。"
    "用药依从性良好者占61%，依从性差者占43%；男性患者占14%，女性患者占86%。6名中有5名（83%）、9名中有8名（88%）的患者能说出自己所用药物的名称。",
    "每年髋部骨折手术量由480例降至420例，下降了15%；另一家医院由200例降至150例，下降25%。治疗率由10%提高到30%，提高了20%。"
    "非椎体骨折由9.0%降至6.0%，相对降低了25%。两组跌倒次数差异显著（P值＝），而骨密度差异有统计学意义（P<0.001）。"
    "一项小型研究（n=7）中，t(5)=3.2，P=0.024（图2）。",
    "想核对原文的读者请注意：《新英格兰医学杂志》的ISSN为0028-4793，一份讲义却印成ISSN 0028-4794；另一份材料把登记号写成NCT0008979和ChiCTR21000429，"
    "把PMID写成196716550。",
    "# 参考文献",
    "1. Wang, L. et al. Prevalence of osteoporosis and fracture in China: the China Osteoporosis Prevalence Study. JAMA Netw. Open 4, e2121106 (2021). "
    "https://doi.org/10.1001/jamanetworkopen.2021.21106",
    "2. Black, D. M. et al. Randomised trial of effect of alendronate on risk of fracture in women with existing vertebral fractures. Lancet 348, 1535–1541 (1996).",
    "3. Black, D. M. et al. Once-yearly zoledronic acid for treatment of postmenopausal osteoporosis. N. Engl. J. Med. 356, 1809–1822 (2007). doi:10:1056/NEJMoa067312",
    "4. Cummings, S. R. et al. Denosumab for prevention of fractures in postmenopausal women with osteoporosis. N. Engl. J. Med. 361, 756–765 (2009). "
    "https://doi.org/10.1056/NEJMoa0809493",
    "5. Neer, R. M. et al. Effect of parathyroid hormone (1-34) on fractures and bone mineral density in postmenopausal women with osteoporosis. "
    "N. Engl. J. Med. 344, 1434–1441 (2001).",
    "6. Cosman, F. et al. Romosozumab treatment in postmenopausal women with osteoporosis. N. Engl. J. Med. 375, 1532–1543 (2016). "
    "https://doi.org/10.1056/NEJMoa1607948",
    "7. Saag, K. G. et al. Romosozumab or alendronate for fracture prevention in women with osteoporosis. N. Engl. J. Med. 377, 1417–1427 (2017). "
    "https://doi.org/10.1056/NEJMoa1708322",
    "8. Rossouw, J. E. et al. Risks and benefits of estrogen plus progestin in healthy postmenopausal women: principal results from the Women's Health "
    "Initiative randomized controlled trial. JAMA 288, 321–333 (2002).",
    "9. Cummings SR, San Martin J, McClung MR, et al. Denosumab for prevention of fractures in postmenopausal women with osteoporosis. N Engl J Med 2009;361:756-65.",
]


def main() -> int:
    """Build every article."""
    for name, paragraphs in ARTICLES.items():
        print(build(name, paragraphs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
