/// The language of a report: its page, chart titles, axes, legends, captions and metric names (issue 17).
///
/// Every word a report shows comes from one table per language: ``Phrase`` lists what is said, ``english(_:)`` and
/// ``chinese(_:)`` say it, each an exhaustive `switch`, so a phrase without a translation does not compile. Metric
/// names (the `metric` column of the results files) are a table of their own per language, composed from the base
/// metric and, where there is one, the household type or cause; a test holds every metric the model writes to a
/// translation. Scenario names and key paths are identifiers and stay as written.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case en, zh

    /// The language of `code` (`en`, `zh`), or an error naming the codes there are.
    public init(code: String) throws(ReportError) {
        guard let language = ReportLanguage(rawValue: code.lowercased()) else {
            throw ReportError.badSetting(
                name: "--lang",
                reason: "expected one of \(Self.allCases.map(\.rawValue).joined(separator: ", ")) (en: English,"
                    + " zh: Chinese), got '\(code.prefix(40))'")
        }
        self = language
    }

    /// The HTML `lang` attribute.
    public var htmlCode: String { self == .en ? "en" : "zh-Hans" }

    /// The font gnuplot asks fontconfig for: one that has CJK glyphs for Chinese (Debian's fonts-wqy-zenhei).
    public var chartFont: String { self == .en ? "Sans" : "WenQuanYi Zen Hei" }

    /// The phrase in this language.
    public func callAsFunction(_ phrase: Phrase) -> String {
        switch self {
        case .en: Self.english(phrase)
        case .zh: Self.chinese(phrase)
        }
    }

    /// Thousands separators for a whole number, as both languages write them in tables: `1,234,567`.
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "n/a" }
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = String(parts[0]), groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : ""
        return sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    // MARK: - Metric names

    /// The readable name of a metric of `summary.csv` or `compare.csv`, or nil when this language has none.
    public func metricName(_ metric: String) -> String? {
        let table = self == .en ? Self.englishMetrics : Self.chineseMetrics
        if let name = table.metrics[metric] { return name }
        // `<cost>_per_household_year`: a cost per cohort household and year.
        let perHouseholdYear = "_per_household_year"
        if metric.hasSuffix(perHouseholdYear), let base = metricName(String(metric.dropLast(perHouseholdYear.count))) {
            return self == .en ? "\(base) per cohort household a year" : "\(base)（每户每年）"
        }
        // `vulnerability_all_<figure>`: the cohort's figure over every household; `vulnerability_fgls_no_income_<figure>`:
        // `002`'s estimator without the income regressor (MODEL.md §4).
        for (prefix, base, english, chinese) in [
            ("vulnerability_all_", "vulnerability_", "all households", "全部农户"),
            ("vulnerability_fgls_no_income_", "vulnerability_fgls_", "without income", "不含收入变量"),
        ] where metric.hasPrefix(prefix) {
            guard let name = metricName(base + metric.dropFirst(prefix.count)) else { return nil }
            return self == .en ? "\(name), \(english)" : "\(name)（\(chinese)）"
        }
        // `<base>_type_<household type>` and `entries_<cause>`.
        if let range = metric.range(of: "_type_") {
            let base = String(metric[..<range.lowerBound]), type = String(metric[range.upperBound...])
            guard let baseName = table.metrics[base], let typeName = table.householdTypes[type] else { return nil }
            return self == .en ? "\(baseName), \(typeName)" : "\(typeName)：\(baseName)"
        }
        if metric.hasPrefix("entries_"), let cause = table.causes[String(metric.dropFirst("entries_".count))] {
            return self == .en ? "entries: \(cause)" : "返贫户数：\(cause)"
        }
        return nil
    }

    /// The readable name of a cause of re-poverty (`dibao_loss`), or the name as written when there is none.
    public func causeName(_ cause: String) -> String {
        (self == .en ? Self.englishMetrics : Self.chineseMetrics).causes[cause] ?? cause
    }

    /// A metric's readable name, or the metric as written when this language has none (a test prevents that).
    public func metricLabel(_ metric: String) -> String { metricName(metric) ?? metric }

    struct MetricTable {
        let metrics: [String: String]
        let causes: [String: String]
        let householdTypes: [String: String]
    }

    static let englishMetrics = MetricTable(
        metrics: [
            "cohort_households": "cohort households", "cohort_people": "cohort people",
            "cumulative_repoverty_rate": "cumulative re-poverty rate",
            "cumulative_repoverty_rate_people": "cumulative re-poverty rate, people", "survival": "survival",
            "annual_repoverty_rate": "annual re-poverty rate", "incidence": "incidence", "poverty_gap": "poverty gap",
            "exits": "exits from poverty", "repoor_left_again_share": "re-poor who left again",
            "spell_length_mean": "mean spell length", "spell_share_one_year": "one-year spells",
            "entries_total": "re-poverty entries", "entries": "re-poverty entries", "cohort": "cohort",
            "cumulative_repoverty_rate_type": "cumulative re-poverty rate",
            "cost_dibao": "cost of dibao", "cost_training": "cost of training",
            "cost_medical_insurance": "cost of medical insurance",
            "cost_agricultural_insurance": "cost of agricultural insurance", "cost_total": "cost of interventions",
            "payout_medical_insurance": "medical insurance payouts",
            "payout_agricultural_insurance": "agricultural insurance payouts", "trainees": "trainees",
            "trainees_certified": "certified trainees", "entries_averted": "entries averted",
            "cost_per_entry_averted": "cost per entry averted",
            "vulnerability_households": "households with a vulnerability estimate",
            "vulnerability_mean": "mean vulnerability", "vulnerability_share_below_0.3": "vulnerability below 0.3",
            "vulnerability_share_0.3_0.6": "vulnerability 0.3–0.6", "vulnerability_share_above_0.6": "vulnerability above 0.6",
            "vulnerability_analytic_households": "households with a vulnerability estimate (analytic)",
            "vulnerability_analytic_mean": "mean vulnerability (analytic)",
            "vulnerability_analytic_share_below_0.3": "vulnerability below 0.3 (analytic)",
            "vulnerability_analytic_share_0.3_0.6": "vulnerability 0.3–0.6 (analytic)",
            "vulnerability_analytic_share_above_0.6": "vulnerability above 0.6 (analytic)",
            "vulnerability_fgls_households": "households with a three-step FGLS estimate",
            "vulnerability_fgls_households_fitted": "households in the FGLS regressions",
            "vulnerability_fgls_mean": "mean vulnerability (FGLS, as 002)",
            "vulnerability_fgls_share_below_0.3": "FGLS vulnerability below 0.3",
            "vulnerability_fgls_share_0.3_0.6": "FGLS vulnerability 0.3–0.6",
            "vulnerability_fgls_share_above_0.6": "FGLS vulnerability above 0.6",
            "vulnerability_fgls_r2_mean": "R² of the FGLS mean regression",
            "vulnerability_fgls_r2_variance": "R² of the FGLS variance regression",
            "vulnerability_fgls_variance_floored": "households with a floored FGLS variance",
            "vulnerability_fgls_variance_floored_share": "share with a floored FGLS variance",
            "monitored_share": "share on the monitoring list", "monitoring_entries": "entries to the monitoring list",
            "identified_repoverty": "identified re-poverty",
            "cumulative_identified_repoverty_rate": "cumulative identified re-poverty rate",
            "cost_monitoring": "cost of monitoring and assistance",
            "household_net_income_mean": "household net income, mean (year 0)",
            "household_net_income_sd": "household net income, sd (year 0)",
            "wage_share_mean": "wage share of income, mean (year 0)", "wage_share_sd": "wage share of income, sd (year 0)",
            "dibao_people_mean": "people on dibao per household, mean (year 0)",
            "dibao_people_sd": "people on dibao per household, sd (year 0)",
        ],
        causes: [
            "illness": "illness", "flood": "flood", "epizootic": "livestock disease", "relocation": "relocation",
            "education": "education costs", "debt": "debt", "macro": "prices and wages", "dibao_loss": "loss of dibao",
            "labour_loss": "loss of labour", "structural": "structural",
        ],
        householdTypes: [
            "chronic_illness": "chronic illness", "dibao": "dibao", "livestock_cattle": "cattle",
            "livestock_none": "no livestock", "livestock_poultry": "poultry", "livestock_sheep": "sheep",
            "marginal": "marginal", "relocated": "relocated",
        ])

    static let chineseMetrics = MetricTable(
        metrics: [
            "cohort_households": "队列户数", "cohort_people": "队列人数", "cumulative_repoverty_rate": "累计返贫率",
            "cumulative_repoverty_rate_people": "累计返贫率（按人）", "survival": "未返贫比例",
            "annual_repoverty_rate": "年返贫率", "incidence": "贫困发生率", "poverty_gap": "贫困缺口",
            "exits": "脱贫户数", "repoor_left_again_share": "返贫后再次脱贫比例", "spell_length_mean": "平均贫困持续年数",
            "spell_share_one_year": "一年即脱贫的比例", "entries_total": "返贫户数", "entries": "返贫户数",
            "cohort": "队列户数", "cumulative_repoverty_rate_type": "累计返贫率",
            "cost_dibao": "低保支出", "cost_training": "培训支出", "cost_medical_insurance": "医疗保险支出",
            "cost_agricultural_insurance": "农业保险支出", "cost_total": "干预总成本",
            "payout_medical_insurance": "医疗保险赔付", "payout_agricultural_insurance": "农业保险赔付",
            "trainees": "培训人数", "trainees_certified": "取得证书人数", "entries_averted": "避免的返贫户数",
            "cost_per_entry_averted": "每避免一户返贫的成本",
            "vulnerability_households": "估计脆弱性的农户数", "vulnerability_mean": "平均脆弱性",
            "vulnerability_share_below_0.3": "脆弱性低于 0.3 的比例", "vulnerability_share_0.3_0.6": "脆弱性 0.3–0.6 的比例",
            "vulnerability_share_above_0.6": "脆弱性高于 0.6 的比例",
            "vulnerability_analytic_households": "估计脆弱性的农户数（解析）", "vulnerability_analytic_mean": "平均脆弱性（解析）",
            "vulnerability_analytic_share_below_0.3": "脆弱性低于 0.3 的比例（解析）",
            "vulnerability_analytic_share_0.3_0.6": "脆弱性 0.3–0.6 的比例（解析）",
            "vulnerability_analytic_share_above_0.6": "脆弱性高于 0.6 的比例（解析）",
            "vulnerability_fgls_households": "三步 FGLS 估计的农户数", "vulnerability_fgls_households_fitted": "进入 FGLS 回归的农户数",
            "vulnerability_fgls_mean": "平均脆弱性（FGLS，同 002）",
            "vulnerability_fgls_share_below_0.3": "FGLS 脆弱性低于 0.3 的比例",
            "vulnerability_fgls_share_0.3_0.6": "FGLS 脆弱性 0.3–0.6 的比例",
            "vulnerability_fgls_share_above_0.6": "FGLS 脆弱性高于 0.6 的比例",
            "vulnerability_fgls_r2_mean": "FGLS 均值回归的 R²", "vulnerability_fgls_r2_variance": "FGLS 方差回归的 R²",
            "vulnerability_fgls_variance_floored": "FGLS 方差取下限的农户数",
            "vulnerability_fgls_variance_floored_share": "FGLS 方差取下限的比例",
            "monitored_share": "纳入监测的比例", "monitoring_entries": "新纳入监测的户数", "identified_repoverty": "识别的返贫",
            "cumulative_identified_repoverty_rate": "累计识别返贫率", "cost_monitoring": "监测帮扶支出",
            "household_net_income_mean": "家庭纯收入均值（第 0 年）", "household_net_income_sd": "家庭纯收入标准差（第 0 年）",
            "wage_share_mean": "工资性收入占比均值（第 0 年）", "wage_share_sd": "工资性收入占比标准差（第 0 年）",
            "dibao_people_mean": "户均低保人数（第 0 年）", "dibao_people_sd": "户均低保人数标准差（第 0 年）",
        ],
        causes: [
            "illness": "疾病", "flood": "洪灾", "epizootic": "畜禽疫病", "relocation": "搬迁", "education": "教育支出",
            "debt": "债务", "macro": "价格与工资波动", "dibao_loss": "失去低保", "labour_loss": "劳动力损失",
            "structural": "结构性因素",
        ],
        householdTypes: [
            "chronic_illness": "慢性病户", "dibao": "低保户", "livestock_cattle": "养牛户", "livestock_none": "无牲畜户",
            "livestock_poultry": "养禽户", "livestock_sheep": "养羊户", "marginal": "边缘户", "relocated": "搬迁户",
        ])
}

extension ReportLanguage {
    /// Yuan per unit of ``Phrase/moneyUnit``: a million in English, 万 (ten thousand) in Chinese.
    public var moneyScale: Double { self == .en ? 1e6 : 1e4 }
}
