import Foundation
import Model

/// An output folder claimed by one command: locked, known to be writable, and checked before any work so that a
/// command never replaces results it did not write (issue 13, families 4 and 7).
///
/// The rule, for every command that writes results into `DIR/<name>/`:
/// - the folder is created if needed, locked for the life of the claim (a second command writing into the same
///   folder at once is refused, exit 1), and probed by writing a file, so an unwritable `--output` is found before the
///   simulation, not after it;
/// - `<name>` must be a plain file name that cannot escape `DIR` (`..`, `/`) nor collide with a file the commands
///   write into `DIR` (`compare.csv`, `sweep.sqlite`, …);
/// - if `DIR/<name>/` already holds results of a *different* run — another scenario content, seed, sizes, program
///   version, or files that are not a run of this program — the command stops with exit 2 before any work, unless
///   `--force` is given; an identical re-run simply replaces them;
/// - a results folder is replaced whole: the new files are written into a staging folder beside it, which then takes
///   its place by renames, so no reader ever sees the `run.json` of one run beside the `summary.csv` of another, and
///   files of the earlier run that this one does not write do not linger.
public final class OutputFolder {
    /// The folder claimed (`--output`).
    public let url: URL
    /// True when the claim created the folder: released unused, it is removed again if still empty.
    private let created: Bool
    private let lockDescriptor: Int32
    private var written = false

    /// The name of the lock file inside a claimed folder.
    public static let lockFileName = ".repoverty.lock"

    /// Names a scenario may not have, because commands write files or folders of these names into `DIR`.
    public static let reservedNames: Set<String> = [
        "compare.csv", "compare.json", "sweep.csv", "sweep.sqlite", "sweep.sqlite-journal", "sweep.sqlite-wal",
        "sweep.sqlite-shm", "report.html", "charts", "shards", "slurm", "run.json", "summary.csv", "replicates.csv", "subpopulations.csv",
        "population.csv", "population.json", "sensitivity.csv", "sensitivity.json", "prcc.csv", "uncertainty.csv",
        "uncertainty-samples.csv", "sensitivity.sqlite",
    ]

    /// Create (if needed), lock and probe `url`.
    ///
    /// - Throws: ``OutputFolderError/notWritable(path:reason:)`` when the folder cannot be made or written,
    ///   ``OutputFolderError/busy(path:)`` when another command holds it.
    public init(claiming url: URL) throws(OutputFolderError) {
        let files = FileManager.default
        let folder = url.standardizedFileURL
        var isFolder: ObjCBool = false
        let existed = files.fileExists(atPath: folder.path, isDirectory: &isFolder)
        if existed && !isFolder.boolValue {
            throw .notWritable(path: folder.path, reason: "it is a file, not a folder")
        }
        if !existed { try Self.makeFolders(folder) }
        let lockPath = folder.appendingPathComponent(Self.lockFileName).path
        let descriptor: Int32
        switch Self.lock(lockPath) {
        case .success(let locked): descriptor = locked
        case .failure(let error):
            if !existed { rmdir(folder.path) }
            throw error.reason.isEmpty ? .busy(path: folder.path) : .notWritable(path: folder.path, reason: error.reason)
        }
        self.url = folder
        created = !existed
        lockDescriptor = descriptor
        // Staging folders and temporary files are made only under this lock, so any found now were left by a
        // command killed with SIGKILL or by a power cut: they are ours to remove.
        Self.removeLeftovers(in: folder)
        // The lock file proves the folder takes new files; a probe write proves there is room for a few bytes.
        let probe = folder.appendingPathComponent(".repoverty-probe-\(getpid())")
        do {
            try Data("probe".utf8).write(to: probe)
            try files.removeItem(at: probe)
        } catch {
            try? files.removeItem(at: probe)
            let reason = Self.reason(error)
            release()
            throw .notWritable(path: folder.path, reason: reason)
        }
    }

    deinit { release() }

    /// Why a lock could not be taken: `reason` holds the system's reason, or is empty when another command holds it.
    private struct LockFailure: Error { let reason: String }

    /// Open and lock `path` without waiting. The lock file is removed when a claim is released, so after locking the
    /// file must still be the one at `path`: otherwise another command removed it in between, and we try again.
    private static func lock(_ path: String) -> Result<Int32, LockFailure> {
        for _ in 0..<10 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return .failure(LockFailure(reason: String(cString: strerror(errno)))) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                return .failure(LockFailure(reason: ""))
            }
            var opened = stat(), named = stat()
            if fstat(descriptor, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino,
                opened.st_dev == named.st_dev
            {
                return .success(descriptor)
            }
            close(descriptor)
        }
        return .failure(LockFailure(reason: ""))
    }

    /// Give up the claim: remove the lock file while still holding it, unlock, and remove the folder again if the
    /// claim created it and nothing was written.
    public func release() {
        guard fcntl(lockDescriptor, F_GETFD) != -1 else { return }
        unlink(url.appendingPathComponent(Self.lockFileName).path)
        close(lockDescriptor)
        if created && !written {
            rmdir(url.path)  // removes the folder only if it is empty: anything written by other means stays
        }
    }

    /// `mkdir -p` with the system's reason on failure ("Not a directory" when a file stands in the way), which
    /// Foundation's `createDirectory` reduces to an opaque code.
    static func makeFolders(_ folder: URL) throws(OutputFolderError) {
        var path = ""
        for component in folder.pathComponents {
            path = path.isEmpty ? component : (path == "/" ? "/" + component : path + "/" + component)
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw .notWritable(path: folder.path, reason: String(cString: strerror(errno)))
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                throw .notWritable(path: folder.path, reason: "\(path) is a file, not a folder")
            }
        }
    }

    /// A file that marks a set of results being written (a comparison's runs and its `compare.csv`): present from the
    /// first file of the set to the last, so a reader can tell a set cut short by SIGKILL from a complete one.
    public static let incompleteMarker = ".repoverty-incomplete"

    /// The names of the staging folders and temporary files this program makes inside an output folder.
    static func isLeftover(_ name: String) -> Bool {
        name.range(of: #"^\..+\.(new|old)-[0-9]+-[0-9]+$"#, options: .regularExpression) != nil
            || name.range(of: #"^\..+\.partial-[0-9]+-[0-9]+$"#, options: .regularExpression) != nil
            || name.hasPrefix(".report-") || name.hasPrefix(".repoverty-probe-")
    }

    private static func removeLeftovers(in folder: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where isLeftover(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Mark the folder as holding a set of results being written (see ``incompleteMarker``).
    public func beginSet(_ what: String) throws(OutputFolderError) {
        try writeFile(Self.incompleteMarker, Data("\(what) was writing here and did not finish\n".utf8))
    }

    /// The set is complete: remove the mark.
    public func endSet() {
        unlink(url.appendingPathComponent(Self.incompleteMarker).path)
    }

    /// Check that `name` is a plain name for a results folder inside this one.
    public static func checkName(_ name: String) throws(OutputFolderError) {
        let problem: String? =
            if name.isEmpty || name == "." || name == ".." { "it would name the output folder itself or the one above it" }
            else if name.contains("/") || name.contains("\0") { "it holds a '/'" }
            else if name.hasPrefix(".") { "it starts with '.', which marks the program's own working files" }
            else if reservedNames.contains(name) { "a file of that name is written into the output folder" }
            else if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
                "it holds a line break or another control character"
            } else { nil }
        if let problem { throw .badName(name: name, reason: problem) }
    }

    /// Refuse, before any work, to replace `DIR/<name>/` unless it is empty, holds results of the identical run
    /// (same program version, same resolved parameters, seed and sizes included, same options), or `force` is set.
    public func checkReplaceable(
        name: String, parameters: ScenarioParameters, subpopulations: [Subpopulation] = [], vulnerability: Bool,
        version: String, force: Bool
    ) throws(OutputFolderError) {
        try Self.checkName(name)
        let folder = url.appendingPathComponent(name, isDirectory: true)
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        guard !force else { return }
        guard isFolder.boolValue else {
            throw .different(path: folder.path, reason: "it is a file, not a results folder")
        }
        let contents = ((try? files.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        if contents.isEmpty { return }
        let record = folder.appendingPathComponent("run.json")
        guard let data = try? Data(contentsOf: record) else {
            throw .different(path: folder.path, reason: "it holds files but no run.json: not results of this program")
        }
        // The program and version first: a record of another version may not decode as this version's (keys added
        // since), and saying which version made it is the useful answer.
        guard let program = try? JSONDecoder().decode(RecordedProgram.self, from: data), program.program == "repoverty"
        else {
            throw .different(path: folder.path, reason: "its run.json is not a run record of this program")
        }
        if program.version != version {
            throw .different(path: folder.path, reason: "it holds results of repoverty \(program.version), this is \(version)")
        }
        guard let earlier = try? JSONDecoder().decode(RecordedIdentity.self, from: data) else {
            throw .different(path: folder.path, reason: "its run.json is not a run record of this program")
        }
        guard let earlierParameters = earlier.parameters else {
            throw .different(path: folder.path, reason: "its run.json does not record the parameters of its run")
        }
        if let difference = Self.firstDifference(earlierParameters, parameters) {
            throw .different(path: folder.path, reason: "it holds results of a run with other parameters (\(difference))")
        }
        if (earlier.subpopulations ?? []).map(\.subpopulation) != subpopulations {
            throw .different(path: folder.path, reason: "it holds results of a run with other sub-populations")
        }
        if (earlier.vulnerability ?? false) != vulnerability {
            throw .different(
                path: folder.path,
                reason: "it holds results of a run \(vulnerability ? "without" : "with") --vulnerability")
        }
    }

    /// The two fields every run record of every version has.
    private struct RecordedProgram: Decodable {
        let program: String
        let version: String
    }

    /// Refuse, before any work, to replace `DIR/compare.json` and `compare.csv` when they are those of a comparison of
    /// other scenarios (another baseline, other scenarios or another order), unless `force` is set: the runs of an
    /// earlier comparison would otherwise stay beside a `compare.csv` that no longer compares them.
    public func checkComparisonReplaceable(scenarios: [String], force: Bool) throws(OutputFolderError) {
        let record = url.appendingPathComponent(ComparisonRecord.fileName)
        guard !force, let data = try? Data(contentsOf: record) else { return }
        guard let earlier = try? JSONDecoder().decode(ComparisonRecord.self, from: data), earlier.program == "repoverty" else {
            throw .different(path: record.path, reason: "it is not a comparison record of this program")
        }
        let names = earlier.scenarios.map(\.scenario)
        if names != scenarios {
            throw .different(
                path: url.path,
                reason: "it holds a comparison of \(Self.listed(names)), this one compares \(Self.listed(scenarios))")
        }
    }

    /// "baseline against a, b" for messages.
    private static func listed(_ scenarios: [String]) -> String {
        guard let first = scenarios.first else { return "nothing" }
        let others = scenarios.dropFirst().map { printable($0) }
        return printable(first) + (others.isEmpty ? " alone" : " against " + others.joined(separator: ", "))
    }

    /// Replace `DIR/<name>/` by a folder holding exactly `files` (name, contents): staged whole, then renamed into
    /// place; the earlier folder, if any, is removed only after the new one is in place.
    ///
    /// - Returns: the results folder.
    @discardableResult
    public func replaceFolder(name: String, files contents: [(name: String, data: Data)]) throws(OutputFolderError) -> URL {
        try Self.checkName(name)
        let files = FileManager.default
        let destination = url.appendingPathComponent(name, isDirectory: true)
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = url.appendingPathComponent(".\(name).new-\(token)", isDirectory: true)
        let previous = url.appendingPathComponent(".\(name).old-\(token)", isDirectory: true)
        written = true
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: false)
            for (file, data) in contents { try data.write(to: staging.appendingPathComponent(file)) }
        } catch {
            try? files.removeItem(at: staging)
            throw .notWritable(path: destination.path, reason: Self.reason(error))
        }
        let hadEarlier = files.fileExists(atPath: destination.path)
        if hadEarlier && rename(destination.path, previous.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? files.removeItem(at: staging)
            throw .notWritable(path: destination.path, reason: reason)
        }
        if rename(staging.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadEarlier { _ = rename(previous.path, destination.path) }
            try? files.removeItem(at: staging)
            throw .notWritable(path: destination.path, reason: reason)
        }
        if hadEarlier { try? files.removeItem(at: previous) }
        return destination
    }

    /// Write one file of `DIR` itself (e.g. `compare.csv`) atomically.
    public func writeFile(_ name: String, _ data: Data) throws(OutputFolderError) {
        written = true
        let file = url.appendingPathComponent(name)
        do { try AtomicFile.write(data, to: file) } catch { throw .notWritable(path: file.path, reason: Self.reason(error)) }
    }

    /// Remove files of `DIR` itself that an earlier run of the same command wrote and this one will write anew, so
    /// an interrupted command cannot leave them beside results they do not describe.
    public func removeFiles(_ names: [String]) {
        for name in names { try? FileManager.default.removeItem(at: url.appendingPathComponent(name)) }
    }

    /// The first top-level section or run setting in which two runs differ, for the message.
    static func firstDifference(_ earlier: ScenarioParameters, _ now: ScenarioParameters) -> String? {
        if earlier == now { return nil }
        let run = (earlier.run, now.run)
        if run.0.seed != run.1.seed { return "seed \(run.0.seed), now \(run.1.seed)" }
        if run.0.households != run.1.households { return "\(run.0.households) households, now \(run.1.households)" }
        if run.0.years != run.1.years { return "\(run.0.years) years, now \(run.1.years)" }
        if run.0.replicates != run.1.replicates { return "\(run.0.replicates) replicates, now \(run.1.replicates)" }
        if run.0.generator != run.1.generator { return "generator \(run.0.generator), now \(run.1.generator)" }
        let sections: [(String, Bool)] = [
            ("population", earlier.population == now.population), ("economy", earlier.economy == now.economy),
            ("demography", earlier.demography == now.demography), ("shocks", earlier.shocks == now.shocks),
            ("interventions", earlier.interventions == now.interventions),
        ]
        return sections.first { !$0.1 }.map { "its \($0.0) section differs" } ?? "its parameters differ"
    }

    /// The system's reason for a failed file operation ("No space left on device"), not Foundation's wrapper text.
    public static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if error.domain == NSCocoaErrorDomain {
            switch error.code {
            case NSFileWriteOutOfSpaceError: return "no space left on the device"
            case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
            case NSFileWriteVolumeReadOnlyError: return "the file system is read-only"
            case NSFileWriteUnknownError: return "the file system refused the write"
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
            default: break
            }
        }
        return "\(error.localizedDescription)"
    }

    /// A name shortened to 60 characters with control characters shown as `?`, for messages.
    static func printable(_ name: String) -> String {
        let shown = String(String.UnicodeScalarView(name.unicodeScalars.prefix(60).map {
            CharacterSet.controlCharacters.contains($0) ? "?" : $0
        }))
        return name.unicodeScalars.count > 60 ? shown + "…" : shown
    }

    /// What the check reads of an earlier `run.json`.
    private struct RecordedIdentity: Decodable {
        var program: String
        var version: String
        var parameters: ScenarioParameters?
        var vulnerability: Bool?
        var subpopulations: [RecordedSubpopulation]?
    }
}

/// Why an output folder cannot be used.
public enum OutputFolderError: Error, Equatable, CustomStringConvertible {
    /// The folder cannot be created or written (exit 1).
    case notWritable(path: String, reason: String)
    /// Another command holds the folder (exit 1).
    case busy(path: String)
    /// `DIR/<name>/` holds results of a different run (exit 2).
    case different(path: String, reason: String)
    /// A scenario name that cannot be a results folder (exit 2).
    case badName(name: String, reason: String)

    /// Whether the user can fix it in what they asked for (exit 2) rather than a failure while running (exit 1).
    public var isBadInput: Bool {
        switch self {
        case .different, .badName: true
        case .notWritable, .busy: false
        }
    }

    public var description: String {
        switch self {
        case .notWritable(let path, let reason): "cannot write into \(path): \(reason)"
        case .busy(let path):
            "another repoverty command is writing into \(path); wait for it to finish or choose another --output"
        case .different(let path, let reason):
            "\(path) already holds results that this run would replace: \(reason); nothing was run. Choose another"
                + " --output, or give --force to replace them"
        case .badName(let name, let reason):
            "the scenario name '\(OutputFolder.printable(name))' cannot be a results folder: \(reason); rename the scenario file"
        }
    }
}
