import ArchRules
import Foundation
// TEMPORARY profiling harness (not committed)
let builder = try! DesignBuilder.standard()
let large = try! LargeSession.make()
let mode = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "edit"
let bench = DerivationBench(builder: mode == "cold" ? try! DesignBuilder.standard(memoizing: false) : builder)
let r = bench.run(large, runs: 300, budgetSeconds: 20, editing: mode == "edit")
let s = r.cpu.sorted()
print(mode, "median", s[s.count/2]/1000, "ms", "n", s.count)
