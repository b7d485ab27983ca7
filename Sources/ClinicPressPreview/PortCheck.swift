import Foundation
import Glibc

/// Whether `serve` can listen where it was asked to, found out before the first build: a busy port used to show
/// up as `bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`, and only after building the whole site.
///
/// The check binds a socket the way the server will (`SO_REUSEADDR`, so a port left in TIME_WAIT by the last preview
/// counts as free) and closes it at once. Another program may still take the port in between; the server's own bind
/// error is then reported the same way (`PreviewServer.run`).
public enum PortCheck {
    /// What binding `host`:`port` answered.
    public enum Result: Equatable, Sendable {
        case free
        /// Another socket listens there; `holder` names the process when /proc tells (`process 1234: python3 -m …`).
        case busy(holder: String?)
        /// Not possible for another reason (a port below 1024 without root, an address not on this machine).
        case refused(String)
    }

    /// Binds `host`:`port` for a moment, as the server will, and says whether it could.
    public static func check(host: String, port: Int) -> Result {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let lookup = getaddrinfo(host, String(port), &hints, &found)
        guard lookup == 0, let first = found else {
            return .refused("cannot resolve the address '\(host)': \(String(cString: gai_strerror(lookup)))")
        }
        defer { freeaddrinfo(first) }
        let socket = Glibc.socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard socket >= 0 else { return .refused(String(cString: strerror(errno))) }
        defer { close(socket) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socket, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return .free }
        let error = errno
        switch error {
        case EADDRINUSE: return .busy(holder: holder(ofPort: port))
        case EACCES: return .refused("ports below 1024 need administrator rights")
        case EADDRNOTAVAIL: return .refused("\(host) is not an address of this computer")
        default: return .refused(String(cString: strerror(error)))
        }
    }

    /// The first free port after `port` (up to 20 tried), to suggest in the hint.
    public static func freePort(after port: Int, host: String) -> Int? {
        (port + 1...min(65535, port + 20)).first { check(host: host, port: $0) == .free }
    }

    /// The message `serve` prints for a busy port, with the fix.
    public static func busyMessage(host: String, port: Int, holder: String?, free: Int?) -> String {
        let by = holder.map { " by \($0)" } ?? ""
        let other = free ?? (port == 65535 ? 8000 : port + 1)
        return "port \(port) on \(host) is already in use\(by)\n    hint: stop it, or preview on another port: clinicpress serve --port \(other)"
    }

    /// `process 1234: python3 -m http.server 8000`, for the process that has a listening TCP socket on `port`, when
    /// /proc lets this user see it (another user's processes hide their file descriptors); nil otherwise.
    public static func holder(ofPort port: Int, proc: String = "/proc") -> String? {
        let inodes = listeningInodes(port: port, tables: ["\(proc)/net/tcp", "\(proc)/net/tcp6"])
        guard !inodes.isEmpty, let pids = try? FileManager.default.contentsOfDirectory(atPath: proc) else { return nil }
        for pid in pids.filter({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }).sorted(by: { Int($0)! < Int($1)! }) {
            let fdDirectory = "\(proc)/\(pid)/fd"
            guard let fds = try? FileManager.default.contentsOfDirectory(atPath: fdDirectory) else { continue }
            for fd in fds {
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdDirectory)/\(fd)"),
                      target.hasPrefix("socket:["), inodes.contains(String(target.dropFirst(8).dropLast())) else { continue }
                return "process \(pid)" + (commandLine(of: pid, proc: proc).map { ": \($0)" } ?? "")
            }
        }
        return nil
    }

    /// The inodes of the sockets listening (state `0A`) on `port` in the kernel's TCP tables.
    static func listeningInodes(port: Int, tables: [String]) -> Set<String> {
        let wanted = String(format: "%04X", port)
        var inodes: Set<String> = []
        for table in tables {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count > 9, fields[3] == "0A", fields[1].split(separator: ":").last.map(String.init) == wanted else { continue }
                inodes.insert(String(fields[9]))
            }
        }
        return inodes
    }

    /// The command line of a process, arguments joined by spaces, at most 80 characters.
    static func commandLine(of pid: String, proc: String) -> String? {
        guard let data = FileManager.default.contents(atPath: "\(proc)/\(pid)/cmdline"), !data.isEmpty else { return nil }
        let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let line = words.joined(separator: " ")
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}
