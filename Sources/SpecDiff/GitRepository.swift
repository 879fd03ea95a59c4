import Foundation

/// Runs `git` in a working directory to read files at other revisions.
public struct GitRepository: Sendable {
    /// Where git runs; paths are relative to it.
    public var directory: String

    public init(directory: String = FileManager.default.currentDirectoryPath) {
        self.directory = directory
    }

    /// The contents of `path` at `revision`, as `git show REV:PATH` reads it: relative to the repository's root,
    /// or to `directory` when it starts with `./`.
    public func show(revision: String, path: String) throws(GitError) -> Data {
        try run(["show", "\(revision):\(path)"])
    }

    /// Files under `folder` (relative to `directory`) at `revision`, relative to `directory`.
    public func files(at revision: String, under folder: String) throws(GitError) -> [String] {
        let output = try run(["ls-tree", "-r", "--name-only", revision, "--", folder])
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Runs git with `arguments`; its standard output, or an error carrying its standard error.
    public func run(_ arguments: [String]) throws(GitError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw GitError(message: "cannot run git: \(error.localizedDescription)") }
        // Drain stderr on another thread so a chatty git cannot fill the pipe and stall.
        let errors = PipeReader(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: errors.wait(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw GitError(message: message.isEmpty ? "git \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)" : message)
        }
        return output
    }
}

/// A git command that failed, with what git said.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Reads a pipe to its end on a background thread.
private final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
