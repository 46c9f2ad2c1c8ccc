<#
.SYNOPSIS
    Builds, tests and demonstrates IotAdmin.
.DESCRIPTION
    Build: publishes the module into out/IotAdmin (IotAdmin.psd1, IotAdmin.dll, the format file, en-US help built
           from docs/ and the compiled cmdlets by tools/HelpBuilder, and dependencies/ with IotAdmin.Core.dll and
           every third-party assembly) and the emulator into out/emulator.
    Test:  dotnet test, then the Pester suite (tests/*.Tests.ps1) when Pester 5 is installed.
    Demo:  Build, start the emulator on 127.0.0.1, run examples/demo.ps1 against it, stop it.
    Bench: the benchmarks (request counts, rates, wall time against the emulator's real rate limit).
.EXAMPLE
    ./build.ps1 Demo
.EXAMPLE
    ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Bench')]
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
# The PowerShell running this script, for child processes (pwsh on 7, powershell.exe on 5.1).
$powershell = (Get-Process -Id $PID).Path

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
    Copy-Item -LiteralPath (Join-Path $root 'IotAdmin.psd1') -Destination $moduleOut
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

function Invoke-Tests {
    Invoke-Dotnet test (Join-Path $root 'IotAdmin.sln') -c $Configuration --nologo
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' } | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed: the Pester suite (tests/*.Tests.ps1) was SKIPPED. Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser to run it.'
        return
    }
    Invoke-ModuleBuild
    # A child process, so the module under test never loads into this session.
    $tests = (Join-Path $root 'tests') -replace "'", "''"
    $script = "Import-Module Pester -MinimumVersion 5.0; `$c = New-PesterConfiguration; `$c.Run.Path = '$tests'; `$c.Run.Exit = `$true; `$c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration `$c"
    & $powershell -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "The Pester suite failed ($LASTEXITCODE failed)." }
}

function Invoke-Demo {
    Invoke-ModuleBuild
    Import-Module (Join-Path $root 'tests/EmulatorProcess.psm1') -Force
    $emulator = Start-IotEmulator -EmulatorPath (Join-Path $emulatorOut 'IotAdmin.Emulator.dll') -ArgumentList '--devices', '500'
    try {
        Write-Host "Emulator: $($emulator.BaseUri)"
        & $powershell -NoProfile -NonInteractive -File (Join-Path $root 'examples/demo.ps1') -CredentialsFile $emulator.CredentialsFile -Endpoint $emulator.ApiRoot
        if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
    }
    finally {
        Stop-IotEmulator -Emulator $emulator
    }
}

switch ($Task) {
    'Build' { Invoke-ModuleBuild }
    'Test' { Invoke-Tests }
    'Demo' { Invoke-Demo }
    'Bench' {
        $bench = Join-Path $root 'bench/IotAdmin.Bench/IotAdmin.Bench.csproj'
        if (-not (Test-Path -LiteralPath $bench)) { throw "No benchmarks: $bench does not exist." }
        Invoke-Dotnet run -c Release --project $bench -- all
    }
}
