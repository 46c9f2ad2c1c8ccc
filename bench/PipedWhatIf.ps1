# Per-device cost of piping device objects into a bulk cmdlet under -WhatIf: no request is made, so every
# microsecond is the cmdlet's own overhead (binding, checks, ShouldProcess, any thread hop).
# Run: dotnet pwsh -NoProfile -File bench/PipedWhatIf.ps1   (needs ./build.ps1 Build first)
param([int] $Devices = 10000, [int] $Rounds = 7, [string] $ModuleRoot)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'tests/EmulatorProcess.psm1') -Force
if (-not $ModuleRoot) { $ModuleRoot = Join-Path $root 'out' }
$emulator = Start-IotEmulator -EmulatorPath (Join-Path $ModuleRoot 'emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', "$Devices", '--projects', '1', '--rate-limit', '0', '--propagation-delay', '0'
try {
    # A runspace of its own without a host UI: the 10,000 "What if:" lines are not written to a console, so the
    # figure is the cmdlet's cost alone.
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
        param($manifest, $emulator, $rounds)
        Import-Module $manifest
        $secret = ConvertTo-SecureString $emulator.Secret -AsPlainText -Force
        Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $emulator.ApiRoot
        $devices = @(Get-IotProject | Get-IotDevice)
        # PowerShell's own floor: a compiled cmdlet that binds the same objects the same way and asks ShouldProcess.
        Add-Type -TypeDefinition @'
using System.Management.Automation;
[Cmdlet(VerbsCommon.Set, "FloorLabel", SupportsShouldProcess = true)]
public sealed class SetFloorLabelCommand : PSCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipeline = true)] public object InputObject { get; set; }
    [Parameter(Mandatory = true)] public System.Collections.Hashtable Label { get; set; }
    protected override void ProcessRecord() { ShouldProcess(InputObject.ToString(), "Set labels"); }
}
'@ -PassThru | ForEach-Object { Import-Module -Assembly $_.Assembly }
        $results = foreach ($i in 1..$rounds) {
            $baseline = (Measure-Command { $devices | Set-FloorLabel -Label @{ zone = 'north' } -WhatIf }).TotalMilliseconds
            $whatIf = (Measure-Command { $devices | Set-IotLabel -Label @{ zone = 'north' } -WhatIf }).TotalMilliseconds
            [pscustomobject]@{ Devices = $devices.Count; BaselineMs = $baseline; WhatIfMs = $whatIf }
        }
        $results
    }).AddArgument((Join-Path $ModuleRoot 'IotAdmin/IotAdmin.psd1')).AddArgument($emulator).AddArgument($Rounds)
    $results = $ps.Invoke()
    if ($ps.HadErrors) { $ps.Streams.Error | ForEach-Object { Write-Warning "$_" } }
    "== piped -WhatIf: $($results[0].Devices) device objects into Set-IotLabel -WhatIf (no requests)"
    foreach ($r in $results) {
        '   round: Set-IotLabel -WhatIf {0:0} ms; a bare ShouldProcess cmdlet {1:0} ms' -f $r.WhatIfMs, $r.BaselineMs
    }
    # The machine is shared: the fastest round of each is the least disturbed.
    $whatIf = ($results | Measure-Object WhatIfMs -Minimum).Minimum
    $floor = ($results | Measure-Object BaselineMs -Minimum).Minimum
    '   fastest rounds: Set-IotLabel -WhatIf {0:0.0} us per device; bare cmdlet {1:0.0} us; IotAdmin''s own overhead {2:0.0} us per device' -f ($whatIf * 1000 / $Devices), ($floor * 1000 / $Devices), (($whatIf - $floor) * 1000 / $Devices)
}
finally {
    Stop-IotEmulator -Emulator $emulator
}
