/// What a report says, apart from metric names (``ReportLanguage/metricName(_:)``): each phrase once, with the
/// numbers and names it needs, said by one table per language below.
public enum Phrase: Sendable {
    // The page.
    case pageTitle(String)
    case scenarioColumn, descriptionColumn, cumulativeColumn, intervalColumn, changeColumn(baseline: String)
    case entriesAvertedColumn, extraCostColumn, costPerEntryAvertedColumn, costColumn, extraCostPerHouseholdYearColumn
    case madeBy
    case emptyChartNote(title: String)
    // A mixture's sub-populations (MODEL.md §7).
    case subpopulationsTitle(scenario: String), subpopulationColumn, cohortColumn, annualColumn
    case costPerHouseholdYearColumn
    // Axes shared by charts.
    case yearAxis, calendarYearAxis, scenarioAxis
    case baselineInEveryPanel(baseline: String)
    // Scenario charts.
    case incidenceTitle, incidenceAxis, incidenceCaption, noIncidence
    case survivalTitle, survivalAxis, survivalCaption, noSurvival
    case cumulativeTitle, cumulativeAxis(years: String), cumulativeCaption(baseline: String?), noCumulative
    case causesTitle, causeAxis, causesCaption, noCauses
    // Comparison charts.
    case changeTitle(baseline: String), changeRatePanel, changeCostPanel(unit: String)
    case changeCaption(baseline: String, years: String)
    case costTitle, costXAxis, costYAxis(unit: String), costCaption, noCostPerEntryAverted
    case omittedScenarios([String])
    case moneyUnit, yuanUnit
    // Sweeps.
    case sweepLineTitle(key: String), sweepHeatTitle, sweepScatterTitle, sweepAxis
    case sweepLineCaption, sweepHeatCaption, sweepScatterCaption(points: Int), sweepTooManyKeys(Int)
    case headlineSeries
    case prccTitle(metric: String), prccAxis, prccCaption(points: String), noPRCC
    /// A key's source status (`sourced`, `calibrated`, `assumed`) as docs/MODEL.md §3 gives it.
    case sourceStatus(String)
    // Provenance.
    case seed(String), replicates(String), households(String), years(String), generator(String), points(Int)
    case sweepSeed(String), design(String)
    case provenanceUnknown
}

extension ReportLanguage {
    static func english(_ phrase: Phrase) -> String {
        switch phrase {
        case .pageTitle(let name): "Re-poverty report: \(name)"
        case .scenarioColumn: "scenario"
        case .descriptionColumn: "description"
        case .cumulativeColumn: "cumulative re-poverty"
        case .intervalColumn: "95 % interval"
        case .changeColumn(let baseline): "change vs \(baseline) (points)"
        case .entriesAvertedColumn: "entries averted"
        case .extraCostColumn: "extra cost, yuan"
        case .costPerEntryAvertedColumn: "cost per entry averted, yuan"
        case .costColumn: "cost of interventions, yuan"
        case .extraCostPerHouseholdYearColumn: "extra cost per cohort household a year, yuan"
        case .madeBy: "Made by repoverty report; the model is described in docs/MODEL.md."
        case .subpopulationsTitle(let scenario): "Sub-populations of \(scenario) (subpopulations.csv)"
        case .subpopulationColumn: "sub-population"
        case .cohortColumn: "cohort households"
        case .annualColumn: "annual re-poverty rate"
        case .costPerHouseholdYearColumn: "cost per cohort household a year, yuan"
        case .emptyChartNote(let title):
            "\(title): left out, no figure is defined (an empty cohort: every household was poor in year 0)"
        case .yearAxis: "year after selection (year 0)"
        case .calendarYearAxis: "year"
        case .scenarioAxis: "scenario"
        case .baselineInEveryPanel(let baseline): "One panel per scenario; \(baseline) is the black line in every panel."
        case .incidenceTitle: "Re-poverty incidence by year"
        case .incidenceAxis: "cohort poor in the year (%)"
        case .incidenceCaption:
            "Share of the cohort (households not poor in year 0) below the poverty line in each year; shaded bands are"
                + " 95 % intervals over replicates."
        case .noIncidence: "No incidence by year in the summaries."
        case .survivalTitle: "Survival: share of the cohort never re-poor"
        case .survivalAxis: "cohort never re-poor by the year (%)"
        case .survivalCaption:
            "Share of the cohort not yet fallen back into poverty in any year up to this one (100 % in year 0 by"
                + " definition); shaded bands are 95 % intervals over replicates."
        case .noSurvival: "No survival curve in the summaries (metric `survival` by year)."
        case .cumulativeTitle: "Cumulative re-poverty rate by scenario"
        case .cumulativeAxis(let years): "cohort re-poor at least once in years 1–\(years) (%)"
        case .cumulativeCaption(let baseline):
            "The headline figure: share of the cohort below the poverty line in at least one year of the horizon; error"
                + " bars are 95 % intervals over replicates"
                + (baseline.map { "; the dashed line is \($0)." } ?? ".")
        case .noCumulative: "No cumulative re-poverty rate in the summaries."
        case .causesTitle: "Re-poverty entries by cause"
        case .causeAxis: "cause of entry"
        case .causesCaption:
            "Entries into re-poverty over the whole horizon (households of the simulated population, mean over"
                + " replicates), by the largest cause of each entry (MODEL.md §2.2). Each cell gives the count; its shade"
                + " compares scenarios within the cause, so small causes are as legible as large ones."
        case .noCauses: "No re-poverty entries by cause in the summaries."
        case .changeTitle(let baseline): "Change against \(baseline), paired by replicate"
        case .changeRatePanel: "cumulative re-poverty rate (percentage points)"
        case .changeCostPanel(let unit): "cost of interventions (\(unit))"
        case .changeCaption(let baseline, let years):
            "Each scenario minus \(baseline), replicate by replicate (common random numbers), with its 95 % interval;"
                + " ranked by the change in the headline rate, best at the top. Costs are summed over years 1–\(years)"
                + " and the simulated population. An interval that crosses zero is no evidence of a change."
        case .costTitle: "Cost per re-poverty entry averted"
        case .costXAxis: "entries averted (households)"
        case .costYAxis(let unit): "cost per entry averted (\(unit))"
        case .costCaption:
            "Each scenario against the baseline, paired by replicate: entries averted (right is better) and the extra"
                + " fiscal cost of each (lower is better; below zero the scenario also saves money); bars are 95 %"
                + " intervals."
        case .noCostPerEntryAverted:
            "Cost per entry averted: no scenario averts re-poverty entries on average, so no cost per entry averted is"
                + " defined (compare.csv)."
        case .omittedScenarios(let names):
            "Not shown, as they avert no entries on average (shocks raise re-poverty) and so have no cost per entry"
                + " averted: \(names.joined(separator: ", ")); the change chart has them."
        case .moneyUnit: "million yuan"
        case .yuanUnit: "yuan"
        case .sweepLineTitle(let key): "Cumulative re-poverty rate across the sweep of \(key)"
        case .sweepHeatTitle: "Cumulative re-poverty rate across the grid"
        case .sweepScatterTitle: "Cumulative re-poverty rate against each swept key"
        case .sweepAxis: "cumulative re-poverty rate (%)"
        case .sweepLineCaption: "The headline figure at each grid point; the shaded band is its 95 % interval over replicates."
        case .sweepHeatCaption: "The headline figure at each grid point (darker is worse); see sweep.csv for the intervals."
        case .sweepScatterCaption(let points):
            "A Latin-hypercube sample of \(points) points: every point varies every key at once, so each panel shows the"
                + " headline figure against one key with the others scattered; error bars are 95 % intervals over"
                + " replicates. A clear slope marks a key the answer depends on; partial rank correlations measure it."
        case .sweepTooManyKeys(let count):
            "The sweep varies \(count) keys; the grid chart shows one key (lines) or two (a heat map). See sweep.csv for"
                + " the figures."
        case .headlineSeries: "cumulative re-poverty rate"
        case .prccTitle(let metric): "Partial rank correlation of each key with the \(metric)"
        case .prccAxis: "partial rank correlation coefficient"
        case .prccCaption(let points):
            "How strongly the figure rises (positive) or falls (negative) with each key once the other keys are"
                + " accounted for (rank-based, so any monotone effect counts), over \(points) sampled points; error"
                + " bars are 95 % intervals. Colours give the key's source status."
        case .noPRCC: "prcc.csv has no rows."
        case .sourceStatus(let status): status
        case .seed(let value): "seed \(value)"
        case .replicates(let value): "\(value) replicates"
        case .households(let value): "\(value) households"
        case .years(let value): "\(value) years"
        case .generator(let value): "generator \(value)"
        case .points(let count): "\(count) points"
        case .sweepSeed(let value): "sweep seed \(value)"
        case .design(let value): value
        case .provenanceUnknown: "provenance unknown (no run.json found)"
        }
    }

    static func chinese(_ phrase: Phrase) -> String {
        switch phrase {
        case .pageTitle(let name): "返贫报告：\(name)"
        case .scenarioColumn: "情景"
        case .descriptionColumn: "说明"
        case .cumulativeColumn: "累计返贫率"
        case .intervalColumn: "95% 区间"
        case .changeColumn(let baseline): "相对 \(baseline) 的变化（百分点）"
        case .entriesAvertedColumn: "避免的返贫户数"
        case .extraCostColumn: "额外成本（元）"
        case .costPerEntryAvertedColumn: "每避免一户返贫的成本（元）"
        case .costColumn: "干预成本（元）"
        case .extraCostPerHouseholdYearColumn: "每户每年额外成本（元）"
        case .madeBy: "由 repoverty report 生成；模型说明见 docs/MODEL.md。"
        case .subpopulationsTitle(let scenario): "\(scenario) 的子人群（subpopulations.csv）"
        case .subpopulationColumn: "子人群"
        case .cohortColumn: "队列户数"
        case .annualColumn: "年返贫率"
        case .costPerHouseholdYearColumn: "每户每年干预成本（元）"
        case .emptyChartNote(let title): "\(title)：未绘制，没有可定义的数值（队列为空：所有农户在第 0 年均为贫困户）"
        case .yearAxis: "入选后年份（第 0 年入选）"
        case .calendarYearAxis: "年份"
        case .scenarioAxis: "情景"
        case .baselineInEveryPanel(let baseline): "每个情景一个分图；每个分图中的黑线为 \(baseline)。"
        case .incidenceTitle: "各年返贫发生率"
        case .incidenceAxis: "当年处于贫困的队列农户（%）"
        case .incidenceCaption: "队列（第 0 年非贫困的农户）中每年低于贫困线的比例；阴影带为各次重复的 95% 区间。"
        case .noIncidence: "汇总中没有各年发生率。"
        case .survivalTitle: "未返贫比例：从未返贫的队列农户"
        case .survivalAxis: "截至当年从未返贫的队列农户（%）"
        case .survivalCaption: "截至当年尚未在任何一年返贫的队列比例（第 0 年按定义为 100%）；阴影带为各次重复的 95% 区间。"
        case .noSurvival: "汇总中没有未返贫曲线（按年份的 survival 指标）。"
        case .cumulativeTitle: "各情景累计返贫率"
        case .cumulativeAxis(let years): "第 1–\(years) 年至少返贫一次的队列农户（%）"
        case .cumulativeCaption(let baseline):
            "核心指标：期内至少有一年低于贫困线的队列比例；误差线为各次重复的 95% 区间"
                + (baseline.map { "；虚线为 \($0)。" } ?? "。")
        case .noCumulative: "汇总中没有累计返贫率。"
        case .causesTitle: "按原因分的返贫户数"
        case .causeAxis: "返贫原因"
        case .causesCaption:
            "整个期间进入返贫的户数（模拟人口中的农户，各次重复的均值），按每次返贫的最主要原因划分（MODEL.md §2.2）。"
                + "每格给出户数；颜色深浅在同一原因内比较各情景，因此小类原因与大类同样清晰。"
        case .noCauses: "汇总中没有按原因分的返贫户数。"
        case .changeTitle(let baseline): "相对 \(baseline) 的变化（按重复配对）"
        case .changeRatePanel: "累计返贫率变化（百分点）"
        case .changeCostPanel(let unit): "干预成本变化（\(unit)）"
        case .changeCaption(let baseline, let years):
            "各情景减去 \(baseline)，逐次重复配对（共同随机数），附 95% 区间；按核心指标的变化排序，最好的在最上方。"
                + "成本为第 1–\(years) 年、整个模拟人口的合计。区间跨过零则不能说明有变化。"
        case .costTitle: "每避免一户返贫的成本"
        case .costXAxis: "避免的返贫户数（户）"
        case .costYAxis(let unit): "每避免一户返贫的成本（\(unit)）"
        case .costCaption: "各干预情景相对基准：避免的返贫户数（横轴）与每避免一户的额外成本（纵轴），附 95% 区间。越靠右下越划算。"
        case .noCostPerEntryAverted: "每避免一户返贫的成本：没有情景平均避免返贫，因此无法定义该成本（compare.csv）。"
        case .omittedScenarios(let names):
            "未显示（平均没有避免返贫，冲击情景会提高返贫，因此无每避免一户的成本）：\(names.joined(separator: "、"))；变化图中有这些情景。"
        case .moneyUnit: "万元"
        case .yuanUnit: "元"
        case .sweepLineTitle(let key): "\(key) 扫描中的累计返贫率"
        case .sweepHeatTitle: "参数网格上的累计返贫率"
        case .sweepScatterTitle: "累计返贫率与各扫描参数"
        case .sweepAxis: "累计返贫率（%）"
        case .sweepLineCaption: "各网格点的核心指标；阴影带为各次重复的 95% 区间。"
        case .sweepHeatCaption: "各网格点的核心指标（颜色越深越差）；区间见 sweep.csv。"
        case .sweepScatterCaption(let points):
            "拉丁超立方抽样的 \(points) 个点：每个点同时改变所有参数，因此每个分图显示核心指标与一个参数的关系，其余参数随机分散；"
                + "误差线为各次重复的 95% 区间。明显的斜率说明结果依赖该参数；偏秩相关系数给出其强度。"
        case .sweepTooManyKeys(let count): "该扫描改变了 \(count) 个参数；网格图只能显示一个（折线）或两个（热图）。数值见 sweep.csv。"
        case .headlineSeries: "累计返贫率"
        case .prccTitle(let metric): "各参数与\(metric)的偏秩相关"
        case .prccAxis: "偏秩相关系数"
        case .prccCaption(let points):
            "在控制其他参数后，指标随各参数上升（正）或下降（负）的强度（基于秩，任何单调影响都计入），基于 \(points) 个抽样点；"
                + "误差线为 95% 区间。颜色表示参数的来源状态。"
        case .noPRCC: "prcc.csv 没有数据行。"
        case .sourceStatus(let status): ["sourced": "有文献来源", "calibrated": "已校准", "assumed": "假设"][status] ?? status
        case .seed(let value): "种子 \(value)"
        case .replicates(let value): "\(value) 次重复"
        case .households(let value): "\(value) 户"
        case .years(let value): "\(value) 年"
        case .generator(let value): "生成器 \(value)"
        case .points(let count): "\(count) 个点"
        case .sweepSeed(let value): "扫描种子 \(value)"
        case .design(let value): value.replacingOccurrences(of: "latin-hypercube", with: "拉丁超立方")
            .replacingOccurrences(of: "factorial", with: "全因子")
        case .provenanceUnknown: "来源不明（未找到 run.json）"
        }
    }
}
