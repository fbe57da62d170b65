import PortalDomain
import Vapor
import PortalCore
import PortalWeb

/// The development eID simulator at /dev/eid: signs in a stock test identity
/// or any identity typed into its form. Only registered when PORTAL_DEV_EID is
/// on, which production refuses at start, so in production the path is a 404.
package struct DevEIDController: IdentityProvider {
    package func register(on routes: any RoutesBuilder) throws {
        routes.get(SiteURL.devEID.components, use: form)
        routes.post(SiteURL.devEID.components, use: submit)
    }

    package func startSignIn(_ request: Request) async throws -> Response {
        request.redirect(to: SiteURL.devEID.path)
    }

    package func form(req: Request) async throws -> Response {
        _ = try await req.csrfToken()
        return try await render(req, input: DevEIDInput.empty, errors: [])
    }

    package func submit(req: Request) async throws -> Response {
        try SignInFlow.checkRateLimit(req)
        if let stockID = try? req.content.get(String.self, at: "stock") {
            guard let identity = StockIdentities.all.first(where: { $0.id == stockID })?.identity else {
                throw Abort(.badRequest, reason: "unknown stock identity")
            }
            return try await SignInFlow.complete(req, identity: identity, provider: "dev-eid")
        }
        let input = try req.content.decode(DevEIDInput.self)
        switch input.validated() {
        case .success(let identity):
            return try await SignInFlow.complete(req, identity: identity, provider: "dev-eid")
        case .failure(let errors):
            let response = try await render(req, input: input, errors: errors.problems)
            response.status = .unprocessableEntity
            return response
        }
    }

    private func render(_ req: Request, input: DevEIDInput, errors: [InputProblem]) async throws -> Response {
        let context = DevEIDContext(
            page: PageContext(req, titleKey: "devEID.title"),
            stock: StockIdentities.all.map { .init(id: $0.id, name: "\($0.identity.givenNames) \($0.identity.familyNames)", born: Format.date($0.identity.dateOfBirth, req.language)) },
            input: input,
            errors: errors)
        return req.respond(page: context.page, content: DevEIDPage.content(context, req.texts))
    }

    package init() {}
}

package struct DevEIDContext: Encodable {
    package let page: PageContext
    package let stock: [Stock]
    package let input: DevEIDInput
    package let errors: [InputProblem]

    package struct Stock: Encodable {
        package let id: String
        package let name: String
        package let born: String
    }
}

/// A field and the catalogue key of what is wrong with it, for the error summary.
package struct InputProblem: Encodable, Equatable {
    package let field: String
    package let messageKey: String
}

package struct InputProblems: Error {
    package let problems: [InputProblem]
}
