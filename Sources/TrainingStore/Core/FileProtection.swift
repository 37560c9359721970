import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Owner-only modes for the data folder (`0700`) and the database files (`0600`): training and heart-rate data are
/// nobody else's business on a shared machine. Modes are set explicitly, so a permissive umask (`000`) changes nothing.
enum FileProtection {
    /// The mode of the data folder.
    static let folderMode: mode_t = 0o700
    /// The mode of the database file and of SQLite's files beside it.
    static let fileMode: mode_t = 0o600
    /// The suffixes of SQLite's files beside the database.
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// Creates the missing folders above the database at `path` with mode `0700`, and tightens its folder to `0700`
    /// when it is looser, is ours and holds nothing but this database's files. A folder holding anything else (`/tmp`,
    /// a project folder given with `--db`) is the user's: its mode is left alone.
    static func prepareFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for created in missing.reversed() {
            if mkdir(created, folderMode) != 0, errno != EEXIST {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: created])
            }
            chmod(created, folderMode)
        }
        let name = (path as NSString).lastPathComponent
        let ownFiles = Set([name] + companionSuffixes.map { name + $0 })
        guard let contents = try? FileManager.default.contentsOfDirectory(atPath: folder),
              contents.allSatisfy(ownFiles.contains) else { return }
        tighten(folder, to: folderMode)
    }

    /// Creates the database file with mode `0600` when it is missing, and tightens it and SQLite's files beside it
    /// to `0600` when they are looser (SQLite gives the files it creates the database file's mode).
    static func protectFiles(of path: String) {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, fileMode)
        if descriptor >= 0 { close(descriptor) }
        for file in [path] + companionSuffixes.map({ path + $0 }) {
            tighten(file, to: fileMode)
        }
    }

    /// Sets `mode` on `path` when it exists, belongs to us and grants more than `mode`.
    private static func tighten(_ path: String, to mode: mode_t) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_uid == geteuid() else { return }
        if status.st_mode & 0o7777 & ~mode != 0 { chmod(path, mode) }
    }
}
