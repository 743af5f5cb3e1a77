import Foundation

/// Natural logarithm, named so the model's files need not import Foundation for one function.
@inline(__always)
func Foundation_log(_ x: Double) -> Double { Foundation.log(x) }

/// x raised to an integer power, by Foundation's `pow`.
@inline(__always)
func Foundation_pow(_ x: Double, _ n: Int) -> Double { Foundation.pow(x, Double(n)) }
