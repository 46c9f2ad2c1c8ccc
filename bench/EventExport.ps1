# Memory while exporting events: Get-IotDevice | Get-IotEvent | Export-Csv over ~10,000 and then ~100,000 events, each in
# a fresh PowerShell; prints the events written and the process's peak working set. Flat means the second figure is
# about the first. Prints figures; asserts nothing.
# Run: dotnet pwsh -NoProfile -File bench/EventExport.ps1   (needs ./build.ps1 Build first)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'tests/EmulatorProcess.psm1') -Force
Import-Module (Join-Path $root 'tools/ChildPowerShell.psm1') -Force
# A 15 s heartbeat over 25 h of history: several thousand events per sensor; the server's limit is off.
$emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '40', '--projects', '1', '--rate-limit', '0', '--propagation-delay', '0', '--event-interval', '15s', '--event-history', '25h', '--history-size', '20000'
try {
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    foreach ($devices in 4, 40) {
        $csv = Join-Path ([System.IO.Path]::GetTempPath()) ('iotadmin-events-' + [guid]::NewGuid().ToString('N') + '.csv')
        $script = "Import-Module '$manifest'; Connect-IotAdmin -CredentialsFile '$($emulator.CredentialsFile)' -Endpoint '$($emulator.ApiRoot)' -RequestsPerWindow 0; " +
            "`$t = [Diagnostics.Stopwatch]::StartNew(); Get-IotDevice | Where-Object { -not `$_.IsEmulated } | Select-Object -First $devices | Get-IotEvent -Last 25h | Export-Csv -LiteralPath '$csv'; " +
            "`$p = [Diagnostics.Process]::GetCurrentProcess(); '{0} s; peak working set {1:N0} MB' -f [math]::Round(`$t.Elapsed.TotalSeconds, 1), (`$p.PeakWorkingSet64 / 1MB)"
        $out = Invoke-ChildPowerShell -Command $script 2>&1
        if (-not (Test-Path -LiteralPath $csv)) { throw "The export failed: $($out -join "`n")" }
        $rows = [System.IO.File]::ReadLines($csv) | Measure-Object | ForEach-Object { $_.Count - 1 }
        '{0:N0} events of {1} devices exported: {2}' -f $rows, $devices, ($out | Select-Object -Last 1)
        Remove-Item -LiteralPath $csv
    }
}
finally {
    Stop-IotEmulator -Emulator $emulator
}
