#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Issue 12 through the real cmdlets: bad label values, dead or wrong endpoints, a run whose API goes away.
# Against the emulator in its own process on 127.0.0.1 (random free port); needs ./build.ps1 Build.

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built ($manifest). Run ./build.ps1 Build first." }
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    Import-Module $manifest -Force
    $script:emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '300', '--projects', '2', '--rate-limit', '0', '--propagation-delay', '0'
    $script:secret = ConvertTo-SecureString $emulator.Secret -AsPlainText -Force

    function Connect-Emulator {
        param([int] $MaxAttempts = 6, [string] $Endpoint = $emulator.ApiRoot)
        Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $Endpoint -MaxAttempts $MaxAttempts
    }

    function Get-RequestCount { (Get-IotEmulatorStat -Emulator $emulator).requests }

    # A loopback port nothing listens on (bound, then released).
    function Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }
}

AfterAll {
    Get-IotSession | ForEach-Object { Disconnect-IotAdmin -Session $_ }
    if ($script:emulator) { Stop-IotEmulator -Emulator $script:emulator }
}

Describe 'Label values (issue 12, item 1)' {
    BeforeAll {
        Connect-Emulator
        $script:device = Get-IotDevice | Select-Object -First 1
    }

    It 'refuses <Name> with IotInvalidArgument before any request' -ForEach @(
        @{ Name = 'an array'; Value = @('north', 'south') }
        @{ Name = 'a hashtable'; Value = @{ team = 'ops' } }
        @{ Name = 'a date'; Value = [datetime]'2026-03-04' }
        @{ Name = 'a byte array'; Value = [byte[]](1, 2) }
        @{ Name = 'a pscustomobject'; Value = [pscustomobject]@{ team = 'ops' } }
        @{ Name = 'a script block'; Value = { 'north' } }
    ) {
        $before = Get-RequestCount
        { $device | Set-IotLabel -Label @{ zone = $Value; ok = 'fine' } -ErrorAction Stop } | Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.SetIotLabelCommand'
        { Get-IotDevice -Label @{ zone = $Value } -ErrorAction Stop } | Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.GetIotDeviceCommand'
        Get-RequestCount | Should -Be $before # the control API is not counted
    }

    It 'stores strings as they are, numbers and booleans as invariant text, and a wrapped string as the string' {
        $wrapped = Write-Output 'west' | ForEach-Object { [psobject]$_ }
        $changed = $device | Set-IotLabel -Label @{ zone = $wrapped; floor = 3; ratio = 2.5; ok = $true } -PassThru
        $changed.Labels['zone'] | Should -Be 'west'
        $changed.Labels['floor'] | Should -Be '3'
        $changed.Labels['ratio'] | Should -Be '2.5'
        $changed.Labels['ok'] | Should -Be 'true'
        @(Get-IotDevice -ProjectId $device.ProjectId -Label @{ floor = 3; ok = $true }).DeviceId | Should -Contain $device.DeviceId
    }

    It 'refuses an id or -OrderBy with a trailing line feed before any request' {
        $before = Get-RequestCount
        { Get-IotDevice -ProjectId $device.ProjectId -OrderBy "id`n" -ErrorAction Stop } | Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.GetIotDeviceCommand'
        { $device | Move-IotDevice -DestinationProjectId "$($device.ProjectId)`n" -ErrorAction Stop } | Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.MoveIotDeviceCommand'
        Get-RequestCount | Should -Be $before
    }
}

Describe 'Dead or wrong endpoints (issue 12, item 2)' {
    It 'fails fast on a refused port, naming what to check' {
        $port = Get-ClosedPort
        $e = { Connect-Emulator -Endpoint "http://127.0.0.1:$port/v2" } | Should -Throw -ErrorId 'IotApiConnectionFailed,IotAdmin.Commands.ConnectIotAdminCommand' -PassThru
        $e.Exception.Attempts | Should -Be 2
        $e.ErrorDetails.RecommendedAction | Should -BeLike 'Do not retry: nothing answers at that address*'
    }

    It 'fails fast on a host name that does not resolve (.invalid)' {
        { Connect-Emulator -Endpoint 'https://iotadmin-test.invalid/v2' } | Should -Throw -ErrorId 'IotApiConnectionFailed,IotAdmin.Commands.ConnectIotAdminCommand'
    }

    It 'fails at connect on a wrong API root' {
        $e = { Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint "$($emulator.BaseUri)/api" -TokenEndpoint $emulator.TokenEndpoint } |
            Should -Throw -ErrorId 'IotApiNotFound,IotAdmin.Commands.ConnectIotAdminCommand' -PassThru
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*does not answer like the API root*'
    }

    It 'refuses an -Endpoint that goes on after /v2' {
        $e = { Connect-Emulator -Endpoint "$($emulator.ApiRoot)/projects" } | Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.ConnectIotAdminCommand' -PassThru
        $e.ErrorDetails.Message | Should -BeLike "*give the API root, e.g. '$($emulator.ApiRoot)'*"
    }

    It 'sends the API calls of a credentials file without -Endpoint to its token endpoint''s host' {
        $session = Connect-IotAdmin -CredentialsFile $emulator.CredentialsFile -PassThru -WarningVariable warnings
        $session.Endpoint.AbsoluteUri | Should -Be "$($emulator.ApiRoot)/"
        $warnings | Should -BeNullOrEmpty
        @(Get-IotProject -Session $session).Count | Should -Be 2
    }

    It 'warns when the token host and the API host differ' {
        $tokenOnLocalhost = $emulator.TokenEndpoint -replace '127\.0\.0\.1', 'localhost'
        $null = Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $emulator.ApiRoot -TokenEndpoint $tokenOnLocalhost -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        "$warnings" | Should -BeLike '*different hosts*'
    }
}

Describe 'A run whose API goes away (issue 12, item 3)' {
    AfterEach { Clear-IotEmulatorFault -Emulator $emulator }

    It 'stops with one terminating error and counts every device' {
        Connect-Emulator -MaxAttempts 2
        $devices = @(Get-IotDevice | Group-Object ProjectId | Sort-Object Count -Descending | Select-Object -First 1).Group | Select-Object -First 50
        Add-IotEmulatorFault -Emulator $emulator -Fault @{ method = 'POST'; path = '/v2/projects/*/devices:batchUpdate'; kind = 'reset'; count = 1000 }
        $e = $null
        try { $devices | Set-IotLabel -Label @{ zone = 'north' } -BatchSize 10 -ErrorVariable failed -ErrorAction SilentlyContinue -InformationVariable info } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -Be 'IotApiConnectionFailed,IotAdmin.Commands.SetIotLabelCommand'
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*40 devices not reached*'
        $summary = @($info | Where-Object { $_.Tags -contains 'Summary' })[0].MessageData
        $summary.Failed | Should -Be 10
        $summary.NotReached | Should -Be 40
        $summary.Succeeded + $summary.Failed + $summary.NotReached | Should -Be 50
        @($failed | Where-Object { $_.FullyQualifiedErrorId -like 'IotApiConnectionFailed*' -and $_.ErrorDetails.Message -like "*for device '*" }).Count | Should -BeGreaterOrEqual 10
    }
}
