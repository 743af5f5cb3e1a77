import CFuzzer

// libFuzzer's entry points. `-sanitize=fuzzer` links libFuzzer's runtime, which calls `LLVMFuzzerTestOneInput` for
// each input; SwiftPM points the executable's `main` at `<module>_main`, which hands the command line to libFuzzer's
// driver (-max_total_time, -jobs, corpus folders, …).

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzScenarioLoader(bytes, count)
}

@_cdecl("FuzzScenarioLoader_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in fuzzScenarioLoader(bytes, count) }
}
