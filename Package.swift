// swift-tools-version:6.0
import PackageDescription

// The targets follow the build pipeline:
//   Posts/ + site.yaml → Content (load, parse) → analysis → Render (Mustache) → Site (write Public/)
// Only ClinicPressMarkdown sees the C library; only ClinicPressSite composes the stages.
//
// ClinicPress builds on Linux only, and the manifest names no other platform: the loader reads sources with
// `Glibc.read` (no `#if`), the preview's file watcher is inotify (elsewhere `serve` cannot watch), and nothing builds
// or tests it on another system. A macOS port would put file descriptors behind swift-system and the watcher behind
// a protocol with an FSEvents implementation.
let package = Package(
    name: "ClinicPress",
    products: [
        .executable(name: "clinicpress", targets: ["clinicpress"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // Already in the graph through Hummingbird; named for the tests' embedded channel (NIOEmbedded).
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CSystemShims"),
        .target(name: "ClinicPressModel"),
        // `parallelMap`: the one place that spreads work over the cores (loading, rendering, writing, reports).
        .target(name: "ClinicPressParallel"),
        // Plain-text primitives the loaders and scanners share: scalar tests, trimming, "did you mean" by edit distance.
        .target(name: "ClinicPressText"),
        .target(
            name: "ClinicPressMarkdown",
            dependencies: ["CCmarkGFM", "ClinicPressModel"]
        ),
        .target(
            name: "ClinicPressContent",
            dependencies: ["ClinicPressModel", "ClinicPressParallel", "ClinicPressText", "Yams"]
        ),
        .target(
            name: "ClinicPressClaims",
            dependencies: ["ClinicPressModel", "ClinicPressMarkdown", "ClinicPressText"],
            // The claim lexicon (words a person edits) and the learned weights (written by `make train-claims`).
            resources: [.copy("Resources/claim-lexicon.yaml"), .copy("Resources/claim-model.tsv")]
        ),
        .target(
            name: "ClinicPressComments",
            // Content owns the comment files (CommentStore); this module decides what happens to comments. It reads
            // WordPress exports with FoundationXML's XMLParser, which links libxml2 (scripts/bootstrap.sh installs it).
            dependencies: ["ClinicPressModel", "ClinicPressMarkdown", "ClinicPressContent", "ClinicPressText", "ClinicPressParallel"]
        ),
        .target(
            name: "ClinicPressSeries",
            dependencies: ["ClinicPressModel", "ClinicPressText"]
        ),
        .target(
            name: "ClinicPressRender",
            // Content reads the theme's strings files (YAML) with the same diagnostics as every other YAML file.
            dependencies: ["ClinicPressModel", "ClinicPressContent", "ClinicPressParallel", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "ClinicPressSite",
            dependencies: ["ClinicPressModel", "ClinicPressMarkdown", "ClinicPressContent", "ClinicPressClaims", "ClinicPressComments", "ClinicPressSeries", "ClinicPressRender", "ClinicPressParallel", "ClinicPressText", "CSystemShims"]
        ),
        .target(
            name: "ClinicPressPreview",
            dependencies: [
                "ClinicPressModel", "ClinicPressContent", "ClinicPressRender", "ClinicPressSite", "ClinicPressText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // `clinicpress intake`: the comment form's receiver. Writes comment files through ClinicPressComments' writer;
        // knows nothing of rendering.
        .target(
            name: "ClinicPressIntake",
            dependencies: [
                "ClinicPressModel", "ClinicPressContent", "ClinicPressComments", "ClinicPressText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "clinicpress",
            dependencies: ["ClinicPressSite", "ClinicPressPreview", "ClinicPressIntake", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // mimalloc (Debian's libmimalloc-dev, installed by scripts/bootstrap.sh) replaces glibc's malloc in the
            // command line: cmark-gfm, Yams and the claim checker allocate millions of small blocks on a large
            // site, and glibc's slow path was a fifth of `check`'s time (Benchmarks/README.md).
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        // Offline tooling: reads the labelled claim corpus, scores the checker on it and trains the claim model
        // (`make train-claims`). Nothing the site build uses depends on it.
        .target(
            name: "ClinicPressClaimsTraining",
            dependencies: ["ClinicPressClaims", "ClinicPressMarkdown"]
        ),
        .executableTarget(
            name: "train-claims",
            dependencies: ["ClinicPressClaimsTraining", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "ClinicPressTests",
            dependencies: ["ClinicPressSite", "ClinicPressContent", "ClinicPressMarkdown", "ClinicPressClaims", "ClinicPressClaimsTraining", "ClinicPressComments", "ClinicPressSeries", "ClinicPressRender", "ClinicPressModel", "ClinicPressParallel", "ClinicPressPreview",
                "ClinicPressIntake", .product(name: "Hummingbird", package: "hummingbird"),
                // Router-mode tests only (Tests/ClinicPressTests/Support/RouterTesting.swift): HummingbirdTesting would
                // build swift-nio-ssl and AsyncHTTPClient for its live mode, most of a fresh `make test`.
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
