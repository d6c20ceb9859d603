// docs: docs/testing-a-script.md#1
import CustomerSync
import Foundation
import Runbook
import RunbookTesting
import Testing

@Test func createsNewCustomers() async throws {
    var harness = ScriptHarness(CustomerSync.self)
    harness.config = """
        global:
          api-base-url: http://erp.test/api/
        script-behavior:
          retry-strategy: {max-retries: 2}
        """
    harness.files["data/customers.csv"] = Data("number,displayName\nC001,Adatum\n".utf8)
    harness.http.route(.get, "/api/customers(C001)", response: .json(404, #"{"error": {"message": "not found"}}"#))
    harness.http.route(.post, "/api/customers", response: .json(201, #"{"number": "C001"}"#))

    let result = await harness.run()

    #expect(result.exitCode == .success, "\(result.renderedError ?? "")")
    #expect(result.summary == "✅ 1 operation successful: 1 created, 0 updated")
    #expect(result.requests.map(\.method) == [.get, .post])
    #expect(result.requests(.post, "/api/customers").first?.bodyText == #"{"number":"C001","displayName":"Adatum"}"#)
}
// docs: end
