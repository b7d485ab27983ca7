extension Scaffold {
    /// `.github/workflows/clinicpress.yml`, written by `init`: on pull requests, the claim check as annotations on the
    /// changed lines (`check --format github`); on pushes to `main`, a build with the release binary published to GitHub
    /// Pages (actions/deploy-pages). The binary is downloaded from `CLINICPRESS_RELEASE_URL` (a repository variable: where
    /// the clinic keeps the tarball `make release` packs) and checked against its `.sha256`. docs/deploy.md explains it;
    /// `DeployRecipeTests` validates it against GitHub's workflow schema.
    public static func githubWorkflow(version: String = ClinicPressVersion.current) -> String {
        #"""
        # Builds this ClinicPress site and publishes it to GitHub Pages; on pull requests, reports the claim checker's
        # findings as annotations on the changed lines. Written by `clinicpress init`; docs/deploy.md explains each step.
        #
        # Set up once: Settings → Pages → Source: "GitHub Actions"; Settings → Secrets and variables → Actions → Variables:
        # CLINICPRESS_RELEASE_URL, the folder address holding clinicpress-<version>-linux-x86_64.tar.gz and its .sha256
        # (what `make release` writes into dist/).
        name: ClinicPress

        on:
          push:
            branches: [main]
          pull_request:
          workflow_dispatch:

        permissions:
          contents: read

        concurrency:
          group: clinicpress-${{ github.ref }}
          cancel-in-progress: true

        env:
          CLINICPRESS_VERSION: "\#(version)"
          CLINICPRESS_RELEASE_URL: ${{ vars.CLINICPRESS_RELEASE_URL }}

        jobs:
          check:
            if: github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: Install clinicpress
                run: |
                  test -n "$CLINICPRESS_RELEASE_URL" || { echo "::error::set the repository variable CLINICPRESS_RELEASE_URL (docs/deploy.md)"; exit 1; }
                  name="clinicpress-$CLINICPRESS_VERSION-linux-x86_64.tar.gz"
                  curl -fsSLO "$CLINICPRESS_RELEASE_URL/$name" && curl -fsSLO "$CLINICPRESS_RELEASE_URL/$name.sha256"
                  sha256sum -c "$name.sha256"
                  mkdir -p "$RUNNER_TEMP/clinicpress" && tar -xzf "$name" -C "$RUNNER_TEMP/clinicpress" --strip-components=1
                  echo "$RUNNER_TEMP/clinicpress/bin" >> "$GITHUB_PATH"
              - name: Check claims, links and series
                run: clinicpress check --format github

          build:
            if: github.event_name != 'pull_request'
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - id: pages
                uses: actions/configure-pages@v5
              - name: Install clinicpress
                run: |
                  test -n "$CLINICPRESS_RELEASE_URL" || { echo "::error::set the repository variable CLINICPRESS_RELEASE_URL (docs/deploy.md)"; exit 1; }
                  name="clinicpress-$CLINICPRESS_VERSION-linux-x86_64.tar.gz"
                  curl -fsSLO "$CLINICPRESS_RELEASE_URL/$name" && curl -fsSLO "$CLINICPRESS_RELEASE_URL/$name.sha256"
                  sha256sum -c "$name.sha256"
                  mkdir -p "$RUNNER_TEMP/clinicpress" && tar -xzf "$name" -C "$RUNNER_TEMP/clinicpress" --strip-components=1
                  echo "$RUNNER_TEMP/clinicpress/bin" >> "$GITHUB_PATH"
              - name: Build
                # Uncited claims at error level stop the deploy; the report says what was built.
                run: >-
                  clinicpress build --quiet --fail-on error --report "$RUNNER_TEMP/build-report.json"
                  --base-url "${{ steps.pages.outputs.base_url }}/"
              - name: Keep the build report
                if: always()
                uses: actions/upload-artifact@v4
                with:
                  name: build-report
                  path: ${{ runner.temp }}/build-report.json
                  if-no-files-found: ignore
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: Public

          deploy:
            needs: build
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """#
    }
}
