#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Events through the real cmdlets (Get-IotEvent, Watch-IotEvent), against the emulator in its own process on 127.0.0.1
# with a short --event-interval (a living fleet). Needs ./build.ps1 Build.

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built ($manifest). Run ./build.ps1 Build first." }
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    Import-Module $manifest -Force
    $script:emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '60', '--projects', '2', '--rate-limit', '0', '--propagation-delay', '0', '--event-interval', '2m', '--connector-disable-after', '3'
    $secret = ConvertTo-SecureString $emulator.Secret -AsPlainText -Force
    Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $emulator.ApiRoot
    $script:project = (Get-IotProject | Where-Object { -not $_.IsInventory -and $_.SensorCount -gt 0 } | Select-Object -First 1).ProjectId
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) ('iotadmin-events-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
}

AfterAll {
    Get-IotSession | ForEach-Object { Disconnect-IotAdmin -Session $_ }
    if ($script:emulator) { Stop-IotEmulator -Emulator $script:emulator }
    if ($script:work) { Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Get-IotEvent' {
    It 'pipes from Get-IotDevice into Export-Csv with flat, readable columns' {
        $csv = Join-Path $work 'events.csv'
        $devices = @(Get-IotDevice -ProjectId $project -DeviceType temperature)
        $devices | Should -Not -BeNullOrEmpty
        $devices | Get-IotEvent -Last 6h | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = @(Import-Csv -LiteralPath $csv)
        # A 2 min heartbeat: 180 temperatures per sensor in 6 h (both ends inclusive), plus the rest. Emulated
        # devices send only what is published to them: none here.
        $living = @($devices | Where-Object { -not $_.IsEmulated })
        $temperatures = @($rows | Where-Object EventType -EQ 'temperature')
        $temperatures | Group-Object DeviceId | ForEach-Object { $_.Count | Should -BeIn 180, 181 -Because "device $($_.Name) sends every 2 min" }
        @($rows.DeviceId | Sort-Object -Unique) | Should -Be @($living.DeviceId | Sort-Object -Unique)
        @($rows.EventId | Sort-Object -Unique).Count | Should -Be $rows.Count
        $temperatures[0].Value | Should -Match '^-?\d+\.\d\d °C$'
        $temperatures[0].Unit | Should -Be '°C'
        $temperatures[0].Data | Should -Match '"samples"'
        [datetimeoffset]$temperatures[0].Timestamp | Should -BeGreaterThan ([datetimeoffset]::UtcNow.AddHours(-6).AddMinutes(-1))
    }

    It 'shows a table that fits 80 columns' {
        $text = Get-IotDevice -ProjectId $project -DeviceType temperature | Select-Object -First 1 | Get-IotEvent -Last 1h | Select-Object -First 3 | Out-String -Width 80
        ($text -split '\r?\n' | Where-Object { $_.Trim() })[0] -split '\s+' | Where-Object { $_ } | Should -Be 'Timestamp', 'DeviceId', 'EventType', 'Value'
        $text -split '\r?\n' | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }

    It 'refuses a bad window before any request' {
        { Get-IotEvent -ProjectId $project -DeviceId abc -Last (New-TimeSpan -Hours -1) -ErrorAction Stop } | Should -Throw -ErrorId 'IotInvalidArgument*'
    }
}

Describe 'Watch-IotEvent' {
    It 'writes events as they are published, and stops after -Count' {
        $device = Get-IotDevice -ProjectId $project -DeviceType touch | Select-Object -First 1
        $device | Should -Not -BeNullOrEmpty
        $control = $emulator.BaseUri.TrimEnd('/') + '/_emulator/events'
        $body = @{ deviceId = $device.DeviceId; eventType = 'touch' } | ConvertTo-Json
        $publisher = Start-ThreadJob -ScriptBlock {
            param($uri, $body)
            # Until the watch has its three (the job is removed then): the first may come before the stream is open.
            Start-Sleep -Seconds 1
            1..60 | ForEach-Object { Invoke-RestMethod -Method Post -Uri $uri -Body $body -ContentType 'application/json'; Start-Sleep -Milliseconds 500 }
        } -ArgumentList $control, $body
        try {
            $events = @(Watch-IotEvent -ProjectId $project -DeviceId $device.DeviceId -EventType touch -Count 3 -Timeout 1m)
            $published = @($publisher | Stop-Job -PassThru | Receive-Job)
        }
        finally {
            $publisher | Remove-Job -Force
        }

        $events.Count | Should -Be 3
        $events[0] | Should -BeOfType ([IotAdmin.Models.IotEvent])
        # Three published events in a row, in order, none repeated.
        $first = [array]::IndexOf([string[]]$published.eventId, $events[0].EventId)
        $first | Should -BeGreaterOrEqual 0
        $events.EventId | Should -Be $published.eventId[$first..($first + 2)]
        $events.EventType | Sort-Object -Unique | Should -Be 'touch'
    }
}

Describe 'Data connectors' {
    BeforeAll {
        # A loopback receiver in a thread job: answers $state.Status, counts pushes, keeps the signature headers.
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $script:state = [hashtable]::Synchronized(@{ Status = 500; Pushes = 0; Signatures = [System.Collections.ArrayList]::Synchronized([System.Collections.ArrayList]::new()) })
        $script:receiverUrl = "http://127.0.0.1:$port/dt-events"
        $script:receiver = Start-ThreadJob -ScriptBlock {
            param($prefix, $state)
            $listener = [System.Net.HttpListener]::new()
            $listener.Prefixes.Add($prefix)
            $listener.Start()
            try {
                while (-not $state.Stop) {
                    $context = $listener.GetContext()
                    $state.Pushes++
                    if ($state.Status -eq 200) { $null = $state.Signatures.Add($context.Request.Headers['X-Dt-Signature']) }
                    $context.Response.StatusCode = $state.Status
                    $context.Response.Close()
                }
            }
            finally { $listener.Stop() }
        } -ArgumentList "http://127.0.0.1:$port/", $state
    }

    AfterAll {
        # A thread blocked in GetContext() cannot be stopped: ask it to end, and wake it with one last request.
        if ($script:receiver) {
            $state.Stop = $true
            try { $null = Invoke-WebRequest -Uri $receiverUrl -Method Post -TimeoutSec 5 } catch { }
            $null = $script:receiver | Wait-Job -Timeout 10
            $script:receiver | Remove-Job -Force
        }
    }

    It 'is created, found unhealthy, fixed and re-synced, and never shows its secret' {
        $secretText = 'pester-dc-secret-42'
        $secret = ConvertTo-SecureString $secretText -AsPlainText -Force
        $device = Get-IotDevice -ProjectId $project -DeviceType temperature | Where-Object { -not $_.IsEmulated } | Select-Object -First 1
        $dc = New-IotDataConnector -ProjectId $project -Url $receiverUrl -DisplayName pester -SignatureSecret $secret -EventType temperature -Label name -Confirm:$false
        $dc.Status | Should -Be 'ACTIVE'
        $dc.HasSignatureSecret | Should -BeTrue

        # The living fleet sends temperatures every 2 min: publish one now so pushes (failing) start at once.
        $body = @{ deviceId = $device.DeviceId; eventType = 'temperature' } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri ($emulator.BaseUri.TrimEnd('/') + '/_emulator/events') -Body $body -ContentType 'application/json' | Out-Null
        # The emulator retries after 1, 2 … s and disables after 3 failures in a row (--connector-disable-after): wait (bounded) for it.
        $deadline = [datetime]::UtcNow.AddMinutes(3)
        do { Start-Sleep -Milliseconds 500; $now = Get-IotDataConnector -ProjectId $project -DataConnectorId $dc.DataConnectorId }
        while ($now.Status -ne 'SYSTEM_DISABLED' -and [datetime]::UtcNow -lt $deadline)
        $now.Status | Should -Be 'SYSTEM_DISABLED'
        $metric = $dc | Get-IotDataConnectorMetric
        $metric.ErrorCount | Should -BeGreaterOrEqual 3
        $metric.SuccessCount | Should -Be 0

        # Fixed: the receiver answers 200, the connector is enabled and re-synced.
        $state.Status = 200
        $dc | Enable-IotDataConnector -Confirm:$false | ForEach-Object Status | Should -Be 'ACTIVE'
        $dc | Sync-IotDataConnector -Confirm:$false
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        while ($state.Signatures.Count -eq 0 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
        $state.Signatures.Count | Should -BeGreaterThan 0
        ($dc | Get-IotDataConnectorMetric).SuccessCount | Should -BeGreaterThan 0

        # Nowhere in the output, the views or verbose text.
        $text = ($dc, $now, $metric | Format-Table | Out-String) + ($dc | Format-List * | Out-String) + ($dc | ConvertTo-Json -Depth 5) + (Get-IotDataConnector -ProjectId $project -Verbose 4>&1 | Out-String)
        $text | Should -Not -Match $secretText
        $dc | Remove-IotDataConnector -Confirm:$false
        { Get-IotDataConnector -ProjectId $project -DataConnectorId $dc.DataConnectorId -ErrorAction Stop } | Should -Throw -ErrorId 'IotApiNotFound*'
    }
}
