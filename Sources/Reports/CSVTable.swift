import Foundation
import SwiftCSV

/// A CSV file read by column name, tolerant of extra columns and of columns in any order.
///
/// Parsing (RFC 4180 quoting included) is SwiftCSV's; this adds what a report needs: cells by column name, numbers
/// that may be empty, and errors that name the file, the line and the column.
struct CSVTable {
    let file: URL
    let header: [String]
    let rows: [[String]]
    private let columnIndex: [String: Int]

    init(file: URL) throws {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw ReportError.unreadable(file: file.path, reason: "\(error.localizedDescription)")
        }
        let parsed: CSV<Enumerated>
        do { parsed = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false) } catch {
            throw ReportError.malformed(
                file: file.path, line: nil,
                reason: "not a CSV file as repoverty writes it: a quotation mark where none belongs (a stray \")")
        }
        // These files never hold a line break inside a cell, and every row has the header's cells: a stray quote
        // that swallowed the lines after it, or a cut-off row, is an error, never rows silently lost.
        // SwiftCSV pads short rows to the longest; its row-by-row reader gives each row as written.
        var written: [[String]] = []
        do { try parsed.enumerateAsArray(startAt: 1, rowLimit: nil) { written.append($0) } } catch {
            throw ReportError.malformed(file: file.path, line: nil, reason: "not a CSV file as repoverty writes it")
        }
        for (row, cells) in written.enumerated() {
            if let cell = cells.first(where: { $0.contains("\n") || $0.contains("\r") }) {
                throw ReportError.malformed(
                    file: file.path, line: row + 2,
                    reason: "a quoted cell runs over several lines (a stray \" ?): `\(cell.prefix(40))…`")
            }
            if cells.count != parsed.header.count {
                throw ReportError.malformed(
                    file: file.path, line: row + 2,
                    reason: "expected \(parsed.header.count) cells as in the header, got \(cells.count)")
            }
        }
        self.file = file
        header = parsed.header
        rows = written
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[name] == nil { index[name] = position }
        columnIndex = index
    }

    func has(_ column: String) -> Bool { columnIndex[column] != nil }

    /// Fail unless every column is there, naming the missing ones and the file.
    func require(_ columns: [String]) throws {
        let missing = columns.filter { !has($0) }
        guard missing.isEmpty else {
            throw ReportError.malformed(
                file: file.path, line: 1,
                reason: "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "));"
                    + " the header is \(header.joined(separator: ","))")
        }
    }

    /// The cell of `row` in `column`; empty when the row is short or the column absent.
    func text(_ row: Int, _ column: String) -> String {
        guard let position = columnIndex[column], position < rows[row].count else { return "" }
        return rows[row][position]
    }

    /// A number that may be empty (an undefined figure); anything else that is not a number is an error.
    func number(_ row: Int, _ column: String) throws -> Double? {
        let cell = text(row, column).trimmingCharacters(in: .whitespaces)
        if cell.isEmpty { return nil }
        guard let value = Double(cell), value.isFinite else {
            throw ReportError.malformed(
                file: file.path, line: line(of: row), reason: "\(column): expected a number or nothing, got `\(cell)`")
        }
        return value
    }

    /// A figure and its interval from three columns (mean, lower, upper), each may be empty.
    func estimate(_ row: Int, _ mean: String, _ lower: String, _ upper: String) throws -> Estimate {
        Estimate(mean: try number(row, mean), lower: try number(row, lower), upper: try number(row, upper))
    }

    /// The file's line of a data row (the header is line 1; quoted line breaks are not expected in these files).
    func line(of row: Int) -> Int { row + 2 }
}
