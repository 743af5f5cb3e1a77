import Foundation

/// The natural logarithm (Foundation's `log`), so the model's files need not import Foundation for one function.
@inline(__always)
func naturalLog(_ x: Double) -> Double { Foundation.log(x) }

/// x raised to a whole power (Foundation's `pow`).
@inline(__always)
func power(_ x: Double, _ exponent: Int) -> Double { Foundation.pow(x, Double(exponent)) }
