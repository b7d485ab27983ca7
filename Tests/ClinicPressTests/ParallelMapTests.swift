import ClinicPressParallel
import Testing

@Suite struct ParallelMapTests {
    @Test func keepsOrderAndLosesNothingUnderContention() {
        let input = Array(0..<20_000)
        for _ in 0..<5 {
            #expect(input.parallelMap { String($0 * 2) } == input.map { String($0 * 2) })
        }
    }
}
