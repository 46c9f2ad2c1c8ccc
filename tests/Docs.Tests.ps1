#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Every PowerShell example of the README and of the about_ topics, run as written against the emulator in its own
# process on 127.0.0.1. What the examples take from the reader's machine is provided in a scratch folder, as a reader
# would have it: the credentials files they name (./sa.json, ./service-account.json, ./google-sa.json), ids.txt, the
# built module on the module path (so Import-Module IotAdmin works), $p (a project id of theirs) and Azure Automation's
# asset cmdlets. Connect-IotAdmin is given the emulator's -Endpoint, and the emulator address the docs use
# (127.0.0.1:5080) is this emulator's. Each example runs in a fresh runspace without a host (no "What if:" noise),
# connected first unless it connects itself.

BeforeDiscovery {
    $root = Split-Path -Parent $PSScriptRoot
    $pages = @(Join-Path $root 'README.md') + @(Get-ChildItem (Join-Path $root 'docs') -Filter 'about_*.md' | ForEach-Object FullName)
    $script:examples = foreach ($page in $pages) {
        $n = 0
        foreach ($block in [regex]::Matches((Get-Content -LiteralPath $page -Raw), '(?ms)^```powershell\r?\n(?<code>.*?)^```')) {
            $n++
            $code = $block.Groups['code'].Value
            @{ Page = [System.IO.Path]::GetFileName($page); Number = $n; Code = $code; First = ($code -split '\r?\n')[0].Trim() }
        }
    }
}

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $out = Join-Path $root 'out'
    if (-not (Test-Path -LiteralPath (Join-Path $out 'IotAdmin/IotAdmin.psd1'))) { throw "The module is not built. Run ./build.ps1 Build first." }
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    $script:emulator = Start-IotEmulator -EmulatorPath (Join-Path $out 'emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '300', '--projects', '4', '--rate-limit', '0', '--google-location', 'europe-west1'

    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) ('iotadmin-docs-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
    Copy-Item -LiteralPath $emulator.CredentialsFile -Destination (Join-Path $work 'sa.json')
    Copy-Item -LiteralPath $emulator.CredentialsFile -Destination (Join-Path $work 'service-account.json')
    Copy-Item -LiteralPath $emulator.GoogleKeyFile -Destination (Join-Path $work 'google-sa.json')

    $script:modulePath = $env:PSModulePath
    $env:PSModulePath = $out + [System.IO.Path]::PathSeparator + $env:PSModulePath

    # The reader's project ($p: the last ordinary project) and a few of its device ids (ids.txt).
    $probe = [powershell]::Create()
    $null = $probe.AddScript("Import-Module IotAdmin; Connect-IotAdmin -CredentialsFile '$($emulator.CredentialsFile)' -Endpoint '$($emulator.ApiRoot)'; `$p = (Get-IotProject | Where-Object IsInventory -EQ `$false)[-1].ProjectId; `$p; (Get-IotDevice -ProjectId `$p | Select-Object -First 3).DeviceId")
    $found = @($probe.Invoke())
    $probe.Dispose()
    $script:project = "$($found[0])"
    Set-Content -LiteralPath (Join-Path $work 'ids.txt') -Value ($found | Select-Object -Skip 1)

    $q = { param($s) "'" + ($s -replace "'", "''") + "'" }
    $script:prelude = @"
Set-Location -LiteralPath $(& $q $work)
`$p = $(& $q $project)
function Connect-IotAdmin {
    `$endpoint = if (`$args -contains 'GoogleIotCore') { $(& $q $emulator.GoogleApiRoot) } else { $(& $q $emulator.ApiRoot) }
    IotAdmin\Connect-IotAdmin @args -Endpoint `$endpoint
}
function Get-AutomationPSCredential { param(`$Name) [pscredential]::new($(& $q $emulator.KeyId), (ConvertTo-SecureString $(& $q $emulator.Secret) -AsPlainText -Force)) }
function Get-AutomationVariable { param(`$Name) $(& $q $emulator.Email) }
"@
}

AfterAll {
    if ($null -ne $script:modulePath) { $env:PSModulePath = $script:modulePath }
    if ($script:work) { Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue }
    if ($script:emulator) { Stop-IotEmulator -Emulator $script:emulator }
}

Describe 'Examples in the docs' {
    It '<Page> example <Number> runs as written: <First>' -ForEach $examples {
        $code = $Code -replace 'http://127\.0\.0\.1:5080', $emulator.BaseUri
        $ps = [powershell]::Create()
        try {
            # An example that does not connect follows one that did, as in the reader's session.
            $connect = if ($code -notmatch 'Connect-IotAdmin') { 'Connect-IotAdmin -CredentialsFile ./sa.json' } else { '' }
            $null = $ps.AddScript($prelude + [Environment]::NewLine + $connect).AddStatement().AddScript($code)
            $output = @($ps.Invoke())
            $errors = @($ps.Streams.Error | ForEach-Object { "$_" })
            $errors | Should -BeNullOrEmpty -Because "the example runs without errors (output: $($output -join '; '))"
        }
        finally {
            $ps.Dispose()
        }
    }
}
