#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The client-side rate limit through the real cmdlets, against the emulator in its own process on 127.0.0.1 (random
# free port) with a small limit: a day-long Retry-After never hangs an account, and parallel runspaces of one account
# share its budget. Needs the built module and emulator: ./build.ps1 Build.

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built ($manifest). Run ./build.ps1 Build first." }
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    Import-Module $manifest -Force
    # 20 requests per 2 s: small enough that 8 runspaces would overrun it without a shared limiter.
    $script:emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '40', '--projects', '2', '--rate-limit', '20', '--rate-window', '2', '--propagation-delay', '0'
    $script:secret = ConvertTo-SecureString $emulator.Secret -AsPlainText -Force

    function Connect-Emulator {
        param([int] $MaxRetryDelaySec = 60)
        Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $emulator.ApiRoot -RequestsPerWindow 20 -RateLimitWindowSec 2 -MaxRetryDelaySec $MaxRetryDelaySec -PassThru
    }
}

AfterAll {
    Get-IotSession | ForEach-Object { Disconnect-IotAdmin -Session $_ }
    if ($script:emulator) { Stop-IotEmulator -Emulator $script:emulator }
}

Describe 'Client-side rate limit' {
    BeforeEach {
        Reset-IotEmulator -Emulator $emulator
    }

    It 'fails at once on Retry-After: 86400, and the next command waits only MaxRetryDelay, saying why on -Verbose' {
        $s = Connect-Emulator -MaxRetryDelaySec 3
        Add-IotEmulatorFault -Emulator $emulator -Fault @{ method = 'GET'; path = '/v2/projects*'; status = 429; retryAfter = 86400; count = 1 }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $failure = $null
        try { Get-IotProject -Session $s -ErrorAction Stop } catch { $failure = $_ }
        $failedAfter = $clock.Elapsed
        $failure.Exception.RetryAfter | Should -Be ([TimeSpan]::FromSeconds(86400))
        $failedAfter.TotalSeconds | Should -BeLessThan 3 # the call itself does not wait for the hint
        $before = (Get-IotEmulatorStat -Emulator $emulator).requests

        $job = Get-IotProject -Session $s -Verbose 4>&1
        $verbose = @($job | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        @($job | Where-Object { $_ -is [IotAdmin.Models.IotProject] }) | Should -HaveCount 2
        $verbose -join "`n" | Should -Match 'Waiting [0-9.]+ s, until \d\d:\d\d:\d\d UTC, for the client-side rate limit of this account: the server answered 429 with Retry-After 86400 s'
        # Nothing was sent during the pause: the one request after it is the listing itself.
        (Get-IotEmulatorStat -Emulator $emulator).requests - $before | Should -Be 1
        $s.RateLimitBudget | Should -BeLessThan 19
    }

    It 'shares one budget between 8 runspaces of ForEach-Object -Parallel' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
        $s = Connect-Emulator
        $projectId = (Get-IotProject -Session $s | Select-Object -Last 1).ProjectId
        Reset-IotEmulator -Emulator $emulator
        $counts = 1..8 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            $n = 0
            foreach ($i in 1..10) { $null = Get-IotProject -Session $using:s -ProjectId $using:projectId; $n++ }
            $n
        } -ThrottleLimit 8
        ($counts | Measure-Object -Sum).Sum | Should -Be 80
        $stats = Get-IotEmulatorStat -Emulator $emulator
        $stats.requests | Should -Be 80
        $stats.throttled | Should -Be 0
    }

    It 'lets a job within the budget go at once' {
        $s = Connect-Emulator
        Reset-IotEmulator -Emulator $emulator
        $verbose = @(1..15 | ForEach-Object { Get-IotProject -Session $s -Verbose 4>&1 } | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $verbose -join "`n" | Should -Not -Match 'Waiting'
        (Get-IotEmulatorStat -Emulator $emulator).throttled | Should -Be 0
    }
}
