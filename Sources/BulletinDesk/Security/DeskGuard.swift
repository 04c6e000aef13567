import Hummingbird

/// Every request passes here first: the Host header must name the served address; the per-launch key in the URL
/// is exchanged for a session cookie and dropped from the address bar; without the cookie nothing is served;
/// a state-changing request must come from the desk's own pages. Refusals and errors become pages in the
/// editor's language, and every response carries the security headers.
struct DeskGuard: RouterMiddleware {
    typealias Context = BasicRequestContext
    let desk: Desk

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await guarded(request, context: context, next: next)
        } catch {
            response = await errorResponse(error, request: request)
        }
        SecurityHeaders.apply(to: &response)
        return response
    }

    private func guarded(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let host = request.headers[.init("Host")!] ?? request.head.authority
        guard desk.hosts.permits(host) else { throw GuardRefusal.host }
        if let key = request.uri.queryParameters["key"] {
            guard LaunchSecrets.matches(String(key), desk.secrets.urlKey) else { throw GuardRefusal.session }
            // Exchange the key for a cookie and take it out of the address bar (and out of the history).
            let rest = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("key=") }
            let location = request.uri.path + (rest.isEmpty ? "" : "?" + rest.joined(separator: "&"))
            var response = Response(status: .seeOther, headers: [.location: location])
            response.setCookie(
                Cookie(
                    name: LaunchSecrets.cookieName, value: desk.secrets.session, path: "/",
                    httpOnly: true, sameSite: .strict))
            return response
        }
        guard LaunchSecrets.matches(request.cookies[LaunchSecrets.cookieName]?.value, desk.secrets.session) else {
            throw GuardRefusal.session
        }
        if request.method != .get, request.method != .head {
            // A browser says where a request comes from; a page of another site is refused before any parsing.
            if let site = request.headers[.init("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
                throw DeskFailure.badToken
            }
            if let origin = request.headers[.origin], let host, origin != "http://\(host)" {
                throw DeskFailure.badToken
            }
        }
        return try await next(request, context)
    }

    private func errorResponse(_ error: any Error, request: Request) async -> Response {
        if let refusal = error as? GuardRefusal {
            // No layout: a page for a stranger carries no token and nothing of the store.
            let language = desk.language(for: request)
            let catalog = Catalog.builtIn(language)
            let key = refusal == .host ? "error.bad_host" : "error.no_session"
            return DeskResponse.html(MinimalPage.render(catalog, key: key), status: .forbidden)
        }
        var failure = DeskFailure.from(error)
        if let http = error as? HTTPError {
            failure =
                http.status == .notFound
                ? .notFound
                : http.status == .contentTooLarge ? .badRequest("error.too_large") : .badRequest("error.invalid_input")
        }
        do {
            let env = try await desk.env(for: request)
            return DeskResponse.html(ErrorPage.render(env, failure), status: .init(code: failure.status))
        } catch {
            let catalog = Catalog.builtIn(desk.language(for: request))
            return DeskResponse.html(MinimalPage.render(catalog, key: failure.key), status: .init(code: failure.status))
        }
    }
}

/// Refusals decided before a session exists.
enum GuardRefusal: Error {
    case host
    case session
}

/// The headers on every response: a CSP without inline script or style, no framing, no sniffing, no referrer to
/// other sites (`same-origin`: a form POST then carries its Origin, which `no-referrer` would make `null`),
/// no caching of pages that hold a token.
enum SecurityHeaders {
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func apply(to response: inout Response) {
        response.headers[.contentSecurityPolicy] = policy
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[.init("Cross-Origin-Resource-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    }
}

/// A bare page for requests refused before a session exists.
enum MinimalPage {
    static func render(_ catalog: Catalog, key: String) -> [UInt8] {
        HTMLRenderer.render([
            el("html", .init("lang", catalog.language.rawValue)) {
                el("head") {
                    el("meta", .init("charset", "utf-8"))
                    el("title") { catalog.text("app.name") }
                }
                el("body") {
                    el("main") {
                        el("h1") { catalog.text("app.name") }
                        el("p", .id("error-reason")) { catalog.text(key) }
                    }
                }
            }
        ])
    }
}

/// Response helpers.
enum DeskResponse {
    static func html(_ page: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: page)))
    }

    /// A 303 to a page of the desk (`/…` only: never to another site).
    static func redirect(_ path: String?, fallback: String) -> Response {
        var target = fallback
        if let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
            !path.unicodeScalars.contains(where: { $0.value < 0x20 })
        {
            target = path
        }
        return Response(status: .seeOther, headers: [.location: target])
    }
}
