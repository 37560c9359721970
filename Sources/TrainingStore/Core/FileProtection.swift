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

    /// The folder of `path` (`/a/b` → `/a`, `/a` → `/`, `b` → ``).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path` (`/a/b` → `b`).
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Creates the missing folders above the database at `path` with mode `0700`, and tightens its folder to `0700`
    /// when it is looser, is ours and holds nothing but this database's files. A folder holding anything else (`/tmp`,
    /// a project folder given with `--db`) is the user's: its mode is left alone.
    ///
    /// `path` is used as given, relative or not, so the kernel resolves it against the same working directory as
    /// SQLite's open (and `..` the same way): a file in the working directory has the folder `.`.
    static func prepareFolder(of path: String) throws {
        let folder = folder(of: path)
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, current != "/", !exists(current) {
            missing.append(current)
            current = Self.folder(of: current)
        }
        for created in missing.reversed() {
            // Only a folder made here is set to 0700: `new/..` of a missing `new` exists once `new` is made, and is
            // the user's.
            if mkdir(created, folderMode) == 0 {
                chmod(created, folderMode)
            } else if errno != EEXIST {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: created])
            }
        }
        let listed = folder.isEmpty ? "." : folder
        let name = name(of: path)
        let ownFiles = [name] + companionSuffixes.map { name + $0 }
        guard let contents = entries(of: listed), contents.allSatisfy(ownFiles.contains) else { return }
        tighten(listed, to: folderMode)
    }

    /// Whether anything exists at `path` (following a symbolic link).
    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// The names in `folder` other than `.` and `..`, or nil when it cannot be listed.
    private static func entries(of folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            // Up to its NUL only: the record may end before the field's declared 256 bytes.
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
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
