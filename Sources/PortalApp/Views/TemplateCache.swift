import LeafKit
import NIOCore

/// Parsed templates, kept for the life of the process.
///
/// Leaf switches its cache off whenever the environment is `development`,
/// but the embedded default runs in development, so every page would be
/// read and parsed again on each request (about 10 ms a page). This cache
/// follows PORTAL_TEMPLATE_RELOAD instead and ignores Leaf's switch.
final class TemplateCache: LeafCache, @unchecked Sendable {
    // @unchecked: the wrapped DefaultLeafCache guards its storage with a lock;
    // `enabled` is set once at construction.
    private let storage = DefaultLeafCache()
    private let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled
        storage.isEnabled = enabled
    }

    var isEnabled: Bool {
        get { enabled }
        set { storage.isEnabled = enabled }
    }

    var count: Int { storage.count }

    func insert(_ document: LeafAST, on loop: any EventLoop, replace: Bool) -> EventLoopFuture<LeafAST> {
        storage.insert(document, on: loop, replace: replace)
    }

    func retrieve(documentName: String, on loop: any EventLoop) -> EventLoopFuture<LeafAST?> {
        storage.retrieve(documentName: documentName, on: loop)
    }

    func remove(_ documentName: String, on loop: any EventLoop) -> EventLoopFuture<Bool?> {
        storage.remove(documentName, on: loop)
    }
}
