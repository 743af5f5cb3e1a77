import XCTest
@testable import Scenarios

/// `scenarios/repoor-cohort.yaml` is the baseline with one change, the population (MODEL.md v1.3 §7): it extends
/// `baseline.yaml`, which extends profile `liangshan-2020`, so every key that profile sets must be put back to
/// `dongxiang-2017`'s value. A key added to the profile and forgotten here silently gives the Dongxiang cohort
/// Liangshan's households (it happened: the income fit's general-labour share and crop value).
final class RepoorCohortTests: XCTestCase {
    func testEveryKeyTheAlleviatedProfileSetsIsPutBackToDongxiang() throws {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios").path
        let profile = scenarios + "/profiles/liangshan-2020.yaml"
        guard case let .success(text) = Extends.readText(profile) else { return XCTFail("cannot read \(profile)") }
        let profileKeys = try Extends.layers(text: text, file: profile).flatMap(\.settings).map(\.path)
        XCTAssertGreaterThan(profileKeys.count, 10, "the profile should set the population's keys")

        let cohort = ParameterTree(try ScenarioLoader.load(path: scenarios + "/repoor-cohort.yaml").parameters)
        let reference = ParameterTree(try ScenarioLoader.load(path: scenarios + "/reference.yaml").parameters)
        let baseline = ParameterTree(try ScenarioLoader.load(path: scenarios + "/baseline.yaml").parameters)
        let profileAlone = ParameterTree(try ScenarioLoader.load(path: profile).parameters)
        for key in Set(profileKeys) {
            // Keys the baseline itself sets on top of the profile are policies, shared by both cohorts.
            if baseline.values[key] != profileAlone.values[key] { continue }
            XCTAssertEqual(cohort.values[key], reference.values[key],
                           "\(key): repoor-cohort.yaml must give dongxiang-2017's value, not liangshan-2020's")
        }
    }
}
