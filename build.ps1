<#
.SYNOPSIS
    Builds, tests and demonstrates IotAdmin.
.DESCRIPTION
    Build:   publishes the module into out/IotAdmin (IotAdmin.psd1, IotAdmin.dll, the format file, en-US help built
             from docs/ and the compiled cmdlets by tools/HelpBuilder, LICENSE, and dependencies/ with IotAdmin.Core.dll
             and every third-party assembly) and the emulator into out/emulator.
    Test:    the xunit suite (dotnet test), then Package, then the whole Pester suite (tests/*.Tests.ps1) in a child
             PowerShell with the pinned Pester (restored from NuGet with the test project; an installed Pester 5 is
             the fallback). Prints both counts and one closing "N passed, N failed, N skipped" line; fails when
             either suite fails or Pester could not run.
    Package: Build, then out/IotAdmin.<version>.nupkg (what Publish-PSResource writes, for Install-PSResource)
             and out/IotAdmin.zip (the layout Azure Automation's module import expects).
    Demo:    Build, start the emulator on 127.0.0.1, run examples/demo.ps1 against it, stop it.
    Bench:   the benchmarks (request counts, rates, wall time against the emulator's real rate limit).
.EXAMPLE
    ./build.ps1 Demo
.EXAMPLE
    ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'IotAdmin'
$emulatorOut = Join-Path $out 'emulator'
# Child PowerShells (the Pester suite, the demo) start right under every host: pwsh, the .NET tool, powershell.exe.
Import-Module (Join-Path $root 'tools/ChildPowerShell.psm1') -Force

# A simple function (not advanced): its arguments (-c, -o, …) pass through to dotnet untouched.
function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-ModuleBuild {
    $publish = Join-Path $out 'publish'
    Remove-Item -LiteralPath $moduleOut, $publish -Recurse -Force -ErrorAction SilentlyContinue
    Invoke-Dotnet publish (Join-Path $root 'src/IotAdmin/IotAdmin.csproj') -c $Configuration -f netstandard2.0 -o $publish --nologo
    $dependencies = Join-Path $moduleOut 'dependencies'
    $null = New-Item -ItemType Directory -Force -Path $dependencies
    # Only the cmdlet assembly in the root; the engine and every third-party assembly load from dependencies/
    # (a private load context on PowerShell 7; see src/IotAdmin/Loading/ModuleInitializer.cs).
    foreach ($file in Get-ChildItem -LiteralPath $publish -Filter '*.dll') {
        $target = if ($file.Name -eq 'IotAdmin.dll') { $moduleOut } else { $dependencies }
        Copy-Item -LiteralPath $file.FullName -Destination $target
    }
    Copy-Item -LiteralPath (Join-Path $root 'IotAdmin.psd1'), (Join-Path $root 'LICENSE') -Destination $moduleOut
    Copy-Item -LiteralPath (Join-Path $root 'src/IotAdmin/IotAdmin.Format.ps1xml') -Destination $moduleOut

    # en-US help: MAML from docs/ and the compiled cmdlets, about_*.help.txt from docs/about_*.md (tools/HelpBuilder).
    Import-Module (Join-Path $root 'tools/HelpBuilder/HelpBuilder.psm1') -Force
    Write-Host (Build-IotAdminHelp -DocsPath (Join-Path $root 'docs') -ManifestPath (Join-Path $moduleOut 'IotAdmin.psd1') -OutputPath (Join-Path $moduleOut 'en-US'))

    Remove-Item -LiteralPath $emulatorOut -Recurse -Force -ErrorAction SilentlyContinue
    Invoke-Dotnet publish (Join-Path $root 'src/IotAdmin.Emulator/IotAdmin.Emulator.csproj') -c $Configuration -o $emulatorOut --nologo
    Remove-Item -LiteralPath $publish -Recurse -Force
    Write-Host "Module: $moduleOut"
    Write-Host "Emulator: $emulatorOut"
}

# "Passed!  - Failed: 0, Passed: 229, Skipped: 0, Total: 229" lines of dotnet test, summed.
function Get-XunitCount([string[]] $Log) {
    $count = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($line in $Log -match '^\s*(Passed|Failed)!\s+-\s+Failed:') {
        foreach ($name in @($count.Keys)) {
            if ($line -match "\b$($name):\s*(\d+)") { $count[$name] += [int]$Matches[1] }
        }
    }
    [pscustomobject]$count
}

# The Pester module the test project pins (<PackageDownload Include="Pester" Version="[x]">), from the NuGet packages
# folder; an installed Pester 5 when the pinned one cannot be had.
function Get-PesterManifest {
    $project = Join-Path $root 'tests/IotAdmin.Tests/IotAdmin.Tests.csproj'
    $version = ([xml](Get-Content -LiteralPath $project -Raw)).SelectSingleNode("//PackageDownload[@Include='Pester']").Version.Trim('[', ']')
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }
    $pinned = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $pinned)) { Invoke-Dotnet restore $project --nologo }
    if (Test-Path -LiteralPath $pinned) { return $pinned }
    $installed = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' } | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) { return $installed.Path }
    throw "Pester $version could not be restored from NuGet into '$packages' and no Pester 5 is installed: the Pester suite cannot run."
}

function Invoke-PesterSuite {
    $pester = Get-PesterManifest
    $resultFile = Join-Path ([System.IO.Path]::GetTempPath()) ("iotadmin-pester-" + [guid]::NewGuid().ToString('N') + '.json')
    $quote = { param($text) "'" + ($text -replace "'", "''") + "'" }
    # A child process, so the module under test never loads into this session.
    $script = "Import-Module $(& $quote $pester); `$c = New-PesterConfiguration; `$c.Run.Path = $(& $quote (Join-Path $root 'tests')); " +
        "`$c.Run.PassThru = `$true; `$c.Output.Verbosity = 'Detailed'; `$r = Invoke-Pester -Configuration `$c; " +
        "[pscustomobject]@{ Passed = `$r.PassedCount; Failed = `$r.FailedCount + `$r.FailedBlocksCount + `$r.FailedContainersCount; Skipped = `$r.SkippedCount + `$r.NotRunCount } | ConvertTo-Json | Set-Content -LiteralPath $(& $quote $resultFile)"
    Write-Host "Pester: $pester"
    Invoke-ChildPowerShell -Command $script | Out-Host
    if (-not (Test-Path -LiteralPath $resultFile)) { throw "The Pester suite did not run to the end (exit code $LASTEXITCODE)." }
    try { Get-Content -LiteralPath $resultFile -Raw | ConvertFrom-Json } finally { Remove-Item -LiteralPath $resultFile }
}

function Invoke-Tests {
    $log = [System.Collections.Generic.List[string]]::new()
    & dotnet test (Join-Path $root 'IotAdmin.sln') -c $Configuration --nologo 2>&1 | ForEach-Object { $log.Add("$_"); Write-Host $_ }
    $xunitExit = $LASTEXITCODE
    $xunit = Get-XunitCount $log
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { throw "dotnet test failed with exit code $xunitExit before reporting results." }
    Invoke-Package
    $pester = Invoke-PesterSuite
    Write-Host ''
    Write-Host "xunit:  $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped"
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"
    Write-Host "$($xunit.Passed + $pester.Passed) passed, $($xunit.Failed + $pester.Failed) failed, $($xunit.Skipped + $pester.Skipped) skipped"
    if ($xunit.Failed + $pester.Failed -gt 0) { throw 'Tests failed.' }
}

function Invoke-Package {
    Invoke-ModuleBuild
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $root 'IotAdmin.psd1')).ModuleVersion
    $package = Join-Path $out "IotAdmin.$version.nupkg"
    $zip = Join-Path $out 'IotAdmin.zip'
    Remove-Item -LiteralPath $package, $zip -Force -ErrorAction SilentlyContinue
    # Publish-PSResource writes the package PowerShell users install; a throwaway folder repository receives it.
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('iotadmin-repository-' + [guid]::NewGuid().ToString('N'))
    $name = 'IotAdminBuild' + [guid]::NewGuid().ToString('N')
    $null = New-Item -ItemType Directory -Path $folder
    Register-PSResourceRepository -Name $name -Uri $folder -Trusted
    try {
        Publish-PSResource -Path $moduleOut -Repository $name
        Move-Item -LiteralPath (Join-Path $folder "IotAdmin.$version.nupkg") -Destination $package
    }
    finally {
        Unregister-PSResourceRepository -Name $name
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
    # Azure Automation imports a zip named after the module holding the module's folder.
    Compress-Archive -Path $moduleOut -DestinationPath $zip
    Write-Host "Package: $package ($([math]::Round((Get-Item -LiteralPath $package).Length / 1KB)) KiB)"
    Write-Host "Azure Automation: $zip ($([math]::Round((Get-Item -LiteralPath $zip).Length / 1KB)) KiB)"
}

function Invoke-Demo {
    Invoke-ModuleBuild
    Import-Module (Join-Path $root 'tests/EmulatorProcess.psm1') -Force
    $emulator = Start-IotEmulator -EmulatorPath (Join-Path $emulatorOut 'IotAdmin.Emulator.dll') -ArgumentList '--devices', '500'
    try {
        Write-Host "Emulator: $($emulator.BaseUri)"
        Invoke-ChildPowerShell -File (Join-Path $root 'examples/demo.ps1') -ArgumentList '-CredentialsFile', $emulator.CredentialsFile, '-Endpoint', $emulator.ApiRoot
        if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
    }
    finally {
        Stop-IotEmulator -Emulator $emulator
    }
}

switch ($Task) {
    'Build' { Invoke-ModuleBuild }
    'Test' { Invoke-Tests }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
    'Bench' {
        $bench = Join-Path $root 'bench/IotAdmin.Bench/IotAdmin.Bench.csproj'
        if (-not (Test-Path -LiteralPath $bench)) { throw "No benchmarks: $bench does not exist." }
        Invoke-Dotnet run -c Release --project $bench -- all
    }
}
