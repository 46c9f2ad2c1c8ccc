# Per-device cost of piping device objects into a bulk cmdlet under -WhatIf: no request is made, so every
# microsecond is the cmdlet's own overhead (binding, checks, ShouldProcess, any thread hop).
# Run: dotnet pwsh -NoProfile -File bench/PipedWhatIf.ps1   (needs ./build.ps1 Build first)
param([int] $Devices = 10000, [int] $Rounds = 3)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'tests/EmulatorProcess.psm1') -Force
$emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', "$Devices", '--projects', '1', '--rate-limit', '0', '--propagation-delay', '0'
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
        $results = foreach ($i in 1..$rounds) {
            $baseline = (Measure-Command { $devices | Select-Object -Property DeviceId }).TotalMilliseconds
            $whatIf = (Measure-Command { $devices | Set-IotLabel -Label @{ zone = 'north' } -WhatIf }).TotalMilliseconds
            [pscustomobject]@{ Devices = $devices.Count; BaselineMs = $baseline; WhatIfMs = $whatIf }
        }
        $results
    }).AddArgument((Join-Path $root 'out/IotAdmin/IotAdmin.psd1')).AddArgument($emulator).AddArgument($Rounds)
    $results = $ps.Invoke()
    if ($ps.HadErrors) { $ps.Streams.Error | ForEach-Object { Write-Warning "$_" } }
    "== piped -WhatIf: $($results[0].Devices) device objects into Set-IotLabel -WhatIf (no requests)"
    foreach ($r in $results) {
        $overhead = ($r.WhatIfMs - $r.BaselineMs) * 1000 / $r.Devices
        '   Set-IotLabel -WhatIf {0:0} ms; the same objects into Select-Object {1:0} ms; per-device overhead {2:0.0} us' -f $r.WhatIfMs, $r.BaselineMs, $overhead
    }
    $best = $results | Sort-Object WhatIfMs | Select-Object -First 1
    '   best round: {0:0.0} us per device' -f (($best.WhatIfMs - $best.BaselineMs) * 1000 / $best.Devices)
}
finally {
    Stop-IotEmulator -Emulator $emulator
}
