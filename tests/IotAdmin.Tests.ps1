#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# End to end through the real cmdlets, against the emulator in its own process on 127.0.0.1 (random free port).
# Needs the built module and emulator: ./build.ps1 Build (./build.ps1 Test builds them first).

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built ($manifest). Run ./build.ps1 Build first." }
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    Import-Module (Join-Path $root 'tools/ChildPowerShell.psm1') -Force
    Import-Module $manifest -Force
    $script:emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '600', '--projects', '4', '--rate-limit', '0', '--propagation-delay', '0'
    $script:secret = ConvertTo-SecureString $emulator.Secret -AsPlainText -Force

    function Connect-Emulator {
        param([switch] $PassThru, [int] $MaxAttempts = 6)
        Connect-IotAdmin -KeyId $emulator.KeyId -Secret $secret -Email $emulator.Email -Endpoint $emulator.ApiRoot -MaxAttempts $MaxAttempts -PassThru:$PassThru
    }
}

AfterAll {
    Get-IotSession | ForEach-Object { Disconnect-IotAdmin -Session $_ }
    if ($script:emulator) { Stop-IotEmulator -Emulator $script:emulator }
}

Describe 'Module' {
    It 'passes Test-ModuleManifest and exports exactly the cmdlets' {
        $info = Test-ModuleManifest -Path (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/IotAdmin/IotAdmin.psd1')
        $info.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        (Get-Command -Module IotAdmin).Name | Sort-Object | Should -Be @('Add-IotMember', 'Connect-IotAdmin', 'Disable-IotDataConnector', 'Disconnect-IotAdmin', 'Enable-IotDataConnector', 'Export-IotDevice', 'Export-IotFleet', 'Get-IotClaimInfo', 'Get-IotDataConnector', 'Get-IotDataConnectorMetric', 'Get-IotDevice', 'Get-IotEvent', 'Get-IotMember', 'Get-IotMemberInviteUrl', 'Get-IotOrganization', 'Get-IotPermission', 'Get-IotProject', 'Get-IotRole', 'Get-IotServiceAccount', 'Get-IotServiceAccountKey', 'Get-IotSession', 'Move-IotDevice', 'New-IotDataConnector', 'New-IotEmulatedDevice', 'New-IotProject', 'New-IotServiceAccount', 'New-IotServiceAccountKey', 'Register-IotDevice', 'Remove-IotDataConnector', 'Remove-IotEmulatedDevice', 'Remove-IotLabel', 'Remove-IotMember', 'Remove-IotProject', 'Remove-IotServiceAccount', 'Remove-IotServiceAccountKey', 'Send-IotEmulatedEvent', 'Set-IotDataConnector', 'Set-IotLabel', 'Set-IotMember', 'Set-IotProject', 'Set-IotServiceAccount', 'Sync-IotDataConnector', 'Undo-IotChange', 'Watch-IotEvent')
    }

    It 'lets scripts name the exception type' {
        [IotAdmin.IotApiException] | Should -Not -BeNullOrEmpty
        [IotAdmin.Models.IotDevice].Name | Should -Be 'IotDevice'
    }

    It 'imports and works when another module loaded its own System.Text.Json and Polly first' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
        # A fresh process: another module's copies load first (STJ into a private context, as Az does; Polly into the
        # default context, as a module without isolation would), then IotAdmin imports, connects and lists.
        $dependencies = Join-Path (Split-Path -Parent $manifest) 'dependencies'
        $script = @"
`$other = [System.Runtime.Loader.AssemblyLoadContext]::new('another-module', `$false)
`$null = `$other.LoadFromAssemblyPath('$dependencies/System.Text.Json.dll')
`$null = [System.Reflection.Assembly]::LoadFrom('$dependencies/Polly.Core.dll')
Import-Module '$manifest'
`$secret = ConvertTo-SecureString '$($emulator.Secret)' -AsPlainText -Force
Connect-IotAdmin -KeyId '$($emulator.KeyId)' -Secret `$secret -Email '$($emulator.Email)' -Endpoint '$($emulator.ApiRoot)'
@(Get-IotProject).Count
"@
        $result = @(Invoke-ChildPowerShell -Command $script 2>&1)
        $LASTEXITCODE | Should -Be 0
        "$($result[-1])" | Should -Be '4'
    }

    It 'unhooks its assembly resolver on Remove-Module' {
        $result = @(Invoke-ChildPowerShell -Command "Import-Module '$manifest'; `$before = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')::Get.ContainsKey('IotAdmin.IotApiException'); Remove-Module IotAdmin; `$after = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')::Get.ContainsKey('IotAdmin.IotApiException'); `"`$before `$after`"" 2>&1)
        $LASTEXITCODE | Should -Be 0
        "$($result[-1])" | Should -Be 'True False'
    }

    It 'documents the real syntax of <_>' -ForEach @(Get-ChildItem (Join-Path (Split-Path -Parent $PSScriptRoot) 'docs') -Filter '*-Iot*.md' | ForEach-Object BaseName) {
        $name = $_
        # Each parameter set as its sorted "-Name<type>" words, so that the order platyPS chose and Int32/int do not matter.
        $words = { param($line) @(((($line -replace '\s+<', '<') -replace '<int32>', '<int>') -split '\s+' | Where-Object { $_ }).ToLowerInvariant() | Sort-Object) -join ' ' }
        $page = Get-Content -LiteralPath (Join-Path (Split-Path -Parent $PSScriptRoot) "docs/$name.md") -Raw
        $syntax = [regex]::Match($page, '(?ms)^## SYNTAX\s*$(.*?)^## ').Groups[1].Value
        $documented = @([regex]::Matches($syntax, '(?ms)^```\s*\r?\n(.*?)\r?\n```') | ForEach-Object { & $words $_.Groups[1].Value } | Sort-Object)
        $real = @((Get-Command $name).ParameterSets | ForEach-Object { & $words "$name $_" } | Sort-Object)
        $documented | Should -Be $real
    }

    It 'shows examples in Get-Help when the help was built' -Skip:(-not (Test-Path (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/IotAdmin/en-US/IotAdmin.dll-Help.xml'))) {
        (Get-Help Set-IotLabel -Examples | Out-String) | Should -Match 'Example 1: Label the devices of one floor'
        (Get-Help Get-IotDevice -Full).examples.example.Count | Should -BeGreaterThan 1
        (Get-Help Get-IotDevice -Parameter Label | Out-String) | Should -Match 'has to be present'
        (Get-Help about_IotAdmin_Errors | Out-String) | Should -Match 'IotApiNotFound'
    }
}

Describe 'Connect-IotAdmin' {
    It 'connects with a key id and a SecureString secret' {
        $s = Connect-Emulator -PassThru
        $s.KeyId | Should -Be $emulator.KeyId
        $s.Endpoint.AbsoluteUri | Should -Be "$($emulator.ApiRoot)/"
        (Get-IotSession).Id | Should -Be $s.Id
    }

    It 'connects with a PSCredential' {
        $credential = [pscredential]::new($emulator.KeyId, $secret)
        $s = Connect-IotAdmin -Credential $credential -Email $emulator.Email -Endpoint $emulator.ApiRoot -PassThru
        $s.Email | Should -Be $emulator.Email
    }

    It 'connects with a credentials file (its token endpoint included)' {
        $s = Connect-IotAdmin -CredentialsFile $emulator.CredentialsFile -Endpoint $emulator.ApiRoot -PassThru
        $s.TokenEndpoint.AbsoluteUri | Should -Be $emulator.TokenEndpoint
    }

    It 'connects with the DT_SERVICE_ACCOUNT_* environment variables' {
        $env:DT_SERVICE_ACCOUNT_KEY_ID = $emulator.KeyId
        $env:DT_SERVICE_ACCOUNT_SECRET = $emulator.Secret
        $env:DT_SERVICE_ACCOUNT_EMAIL = $emulator.Email
        try {
            $s = Connect-IotAdmin -Endpoint $emulator.ApiRoot -PassThru
            $s.KeyId | Should -Be $emulator.KeyId
        }
        finally {
            Remove-Item Env:DT_SERVICE_ACCOUNT_KEY_ID, Env:DT_SERVICE_ACCOUNT_SECRET, Env:DT_SERVICE_ACCOUNT_EMAIL
        }
    }

    It 'connects with the credentials file named by DT_CREDENTIALS_FILE' {
        $env:DT_CREDENTIALS_FILE = $emulator.CredentialsFile
        try {
            $all = Connect-IotAdmin -Endpoint $emulator.ApiRoot -PassThru -Verbose 4>&1
            ($all | Where-Object { $_ -is [IotAdmin.Sessions.IotSession] }).KeyId | Should -Be $emulator.KeyId
            ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'credentials from .*DT_CREDENTIALS_FILE'
        }
        finally {
            Remove-Item Env:DT_CREDENTIALS_FILE
        }
    }

    It 'resolves a relative -CredentialsFile against the current PowerShell location' {
        Copy-Item -LiteralPath $emulator.CredentialsFile -Destination 'TestDrive:/sa.json'
        Push-Location TestDrive:/
        try {
            (Connect-IotAdmin -CredentialsFile ./sa.json -Endpoint $emulator.ApiRoot -PassThru).KeyId | Should -Be $emulator.KeyId
        }
        finally {
            Pop-Location
        }
    }

    It 'ends with IotFileNotFound for a missing credentials file' {
        { Connect-IotAdmin -CredentialsFile 'TestDrive:/missing.json' -Endpoint $emulator.ApiRoot } |
            Should -Throw -ErrorId 'IotFileNotFound,IotAdmin.Commands.ConnectIotAdminCommand'
    }

    It 'fails with a terminating AuthenticationError for a wrong secret' {
        $wrong = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
        $err = $null
        try { Connect-IotAdmin -KeyId $emulator.KeyId -Secret $wrong -Email $emulator.Email -Endpoint $emulator.ApiRoot } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.FullyQualifiedErrorId | Should -Be 'IotApiUnauthenticated,IotAdmin.Commands.ConnectIotAdminCommand'
        $err.Exception.Reason | Should -Be 'invalid_grant'
        $err.ErrorDetails.RecommendedAction | Should -Match '^Do not retry'
    }

    It 'refuses plain http to a non-loopback address before any request' {
        { Connect-IotAdmin -KeyId k -Secret $secret -Email 'a@b.c' -Endpoint 'http://api.example.com' } |
            Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.ConnectIotAdminCommand'
    }

    It 'never writes the secret or the token to any stream' {
        $DebugPreference = 'Continue' # not -Debug: on 5.1 that would prompt
        $all = Connect-Emulator -PassThru -Verbose 4>&1 5>&1 6>&1 | Out-String
        $all += Get-IotProject -Verbose 4>&1 5>&1 | Out-String
        $all | Should -Not -Match ([regex]::Escape($emulator.Secret))
        $all | Should -Not -Match 'Bearer '
    }
}

Describe 'Reading' {
    BeforeAll {
        Connect-Emulator
        $script:projects = @(Get-IotProject)
        $script:project = $projects | Where-Object { -not $_.IsInventory } | Select-Object -First 1
        $script:devices = @(Get-IotDevice -ProjectId $project.ProjectId)
    }

    It 'lists projects with one inventory' {
        $projects | Should -HaveCount 4
        @($projects | Where-Object IsInventory) | Should -HaveCount 1
        $projects[0] | Should -BeOfType ([IotAdmin.Models.IotProject])
    }

    It 'gets a project by id and reports a missing one without stopping' {
        $found = Get-IotProject -ProjectId 'c0nosuchprojectxxxxx', $project.ProjectId -ErrorVariable missing -ErrorAction SilentlyContinue
        $found.ProjectId | Should -Be $project.ProjectId
        $missing | Should -HaveCount 1
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].FullyQualifiedErrorId | Should -Be 'IotApiNotFound,IotAdmin.Commands.GetIotProjectCommand'
        $missing[0].TargetObject | Should -Be 'c0nosuchprojectxxxxx'
    }

    It 'lists every device of every project without -ProjectId' {
        $all = @(Get-IotDevice)
        $all | Should -HaveCount 600
        @($all.Name | Sort-Object -Unique) | Should -HaveCount 600
    }

    It 'pipes projects into Get-IotDevice by ProjectId' {
        @(Get-IotProject | Get-IotDevice) | Should -HaveCount 600
        @(Get-IotProject -ProjectId $project.ProjectId | Get-IotDevice) | Should -HaveCount $devices.Count
    }

    It 'never takes an object for a device id by its ToString()' {
        { Get-IotDevice -DeviceId $project } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,IotAdmin.Commands.GetIotDeviceCommand'
    }

    It 'takes device ids as an array, from the pipeline by value and by property name' {
        $ids = $devices[0..2].DeviceId
        (Get-IotDevice -ProjectId $project.ProjectId -DeviceId $ids).DeviceId | Sort-Object | Should -Be ($ids | Sort-Object)
        ($ids | Get-IotDevice -ProjectId $project.ProjectId).DeviceId | Sort-Object | Should -Be ($ids | Sort-Object)
        ($ids | ForEach-Object { [pscustomobject]@{ DeviceId = $_ } } | Get-IotDevice -ProjectId $project.ProjectId).DeviceId | Sort-Object | Should -Be ($ids | Sort-Object)
        ($devices[0..2] | Get-IotDevice).DeviceId | Sort-Object | Should -Be ($ids | Sort-Object)
        (Get-IotDevice -DeviceId $ids[0]).ProjectId | Should -Be $project.ProjectId
    }

    It 'filters by label value and by label presence' {
        $withFloor = @($devices | Where-Object { $_.Labels.ContainsKey('floor') })
        @(Get-IotDevice -ProjectId $project.ProjectId -Label @{ floor = $null }) | Should -HaveCount $withFloor.Count
        $expected = @($withFloor | Where-Object { $_.Labels['floor'] -eq '3' })
        @(Get-IotDevice -ProjectId $project.ProjectId -Label @{ floor = '3' }) | Should -HaveCount $expected.Count
    }

    It 'filters by type, product number and text' {
        $temperature = @($devices | Where-Object Type -eq 'temperature')
        @(Get-IotDevice -ProjectId $project.ProjectId -DeviceType temperature) | Should -HaveCount $temperature.Count
        $number = ($devices | Where-Object ProductNumber | Select-Object -First 1).ProductNumber
        @(Get-IotDevice -ProjectId $project.ProjectId -ProductNumber $number) | Should -HaveCount @($devices | Where-Object ProductNumber -eq $number).Count
        (Get-IotDevice -ProjectId $project.ProjectId -Query $devices[5].DeviceId).DeviceId | Should -Contain $devices[5].DeviceId
    }

    It 'sorts with -OrderBy' {
        [string[]] $names = (Get-IotDevice -ProjectId $project.ProjectId -OrderBy '-labels.name').DisplayName
        [string[]] $expected = $names.Clone()
        [Array]::Sort($expected, [StringComparer]::Ordinal)
        [Array]::Reverse($expected)
        $names | Should -Be $expected
    }

    It 'stops early with Select-Object -First' {
        @(Get-IotDevice | Select-Object -First 3) | Should -HaveCount 3
    }

    It 'rejects bad input before any request' {
        $before = (Get-IotEmulatorStat -Emulator $emulator).requests
        { Get-IotDevice -ProjectId $project.ProjectId -Label @{ 'bad key' = 'x' } } | Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.GetIotDeviceCommand'
        { Get-IotDevice -ProjectId 'no/such' } | Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.GetIotDeviceCommand'
        (Get-IotEmulatorStat -Emulator $emulator).requests | Should -Be $before
    }

    It 'renders the default table view' {
        $text = $devices | Select-Object -First 3 | Out-String
        $text | Should -Match 'DeviceId\s+DisplayName\s+Type\s+Bat%\s+Sig%\s+Labels'
        (Get-IotSession | Out-String -Width 120) | Should -Match 'KeyId\s+TokenExpiresOn\s+RateLimit\s+Host'
        (Get-IotSession | Format-List | Out-String) | Should -Match 'Email\s+: '
    }

    It 'completes project ids' {
        $line = 'Get-IotDevice -ProjectId '
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Should -Contain $project.ProjectId
    }
}

Describe 'Errors through the cmdlets' {
    BeforeAll { Connect-Emulator -MaxAttempts 1 }
    AfterEach { Clear-IotEmulatorFault -Emulator $emulator }

    It 'maps <status> to <category> with <errorId>' -ForEach @(
        @{ status = 400; category = 'InvalidArgument'; errorId = 'IotApiInvalidArgument'; retryAfter = $null; hint = '^Do not retry' }
        @{ status = 403; category = 'PermissionDenied'; errorId = 'IotApiPermissionDenied'; retryAfter = $null; hint = '^Do not retry: give the service account' }
        @{ status = 404; category = 'ObjectNotFound'; errorId = 'IotApiNotFound'; retryAfter = $null; hint = '^Do not retry' }
        @{ status = 409; category = 'ResourceBusy'; errorId = 'IotApiAborted'; retryAfter = $null; hint = 'retry after 1 s' }
        @{ status = 429; category = 'QuotaExceeded'; errorId = 'IotApiResourceExhausted'; retryAfter = 2; hint = '^Retry after 2 s' }
        @{ status = 503; category = 'ResourceUnavailable'; errorId = 'IotApiUnavailable'; retryAfter = $null; hint = '^Retry after 1 s' }
    ) {
        $projectId = (Get-IotProject | Select-Object -First 1).ProjectId
        $fault = @{ method = 'GET'; path = "/v2/projects/$projectId"; status = $status; count = 1 }
        if ($retryAfter) { $fault.retryAfter = $retryAfter }
        Add-IotEmulatorFault -Emulator $emulator -Fault $fault
        $null = Get-IotProject -ProjectId $projectId -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].CategoryInfo.Category | Should -Be $category
        $err[0].FullyQualifiedErrorId | Should -Be "$errorId,IotAdmin.Commands.GetIotProjectCommand"
        $err[0].ErrorDetails.RecommendedAction | Should -Match $hint
        $err[0].Exception | Should -BeOfType ([IotAdmin.IotApiException])
        $err[0].Exception.StatusCode | Should -Be $status
        $err[0].TargetObject | Should -Be $projectId
        if ($retryAfter) { $err[0].Exception.RetryAfter | Should -Be ([timespan]::FromSeconds($retryAfter)) }
    }

    It 'names each device asked for when the listing that carries them fails' {
        $projectId = (Get-IotProject | Where-Object { -not $_.IsInventory } | Select-Object -First 1).ProjectId
        Add-IotEmulatorFault -Emulator $emulator -Fault @{ method = 'GET'; path = "/v2/projects/$projectId/devices*"; status = 403; count = 1 }
        $ids = 'c0firstdevicexxxxxxx', 'c0seconddevicexxxxxx'
        $null = Get-IotDevice -ProjectId $projectId -DeviceId $ids -ErrorVariable err -ErrorAction SilentlyContinue
        $err.TargetObject | Should -Be $ids
        $err.FullyQualifiedErrorId | Should -Be (@('IotApiPermissionDenied,IotAdmin.Commands.GetIotDeviceCommand') * 2)
    }

    It 'retries and succeeds when the session allows it, reporting the retry on the verbose stream' {
        Connect-Emulator -MaxAttempts 3
        $projectId = (Get-IotProject | Select-Object -First 1).ProjectId
        Add-IotEmulatorFault -Emulator $emulator -Fault @{ method = 'GET'; path = "/v2/projects/$projectId"; status = 503; count = 1 }
        $verbose = Get-IotProject -ProjectId $projectId -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Retrying GET /v2/projects/\S+ after HTTP 503 UNAVAILABLE \(attempt 2 of 3\); waiting 1(\.\d)? s'
    }

    It 'ends the command when not connected' {
        Get-IotSession | ForEach-Object { Disconnect-IotAdmin -Session $_ }
        { Get-IotProject } | Should -Throw -ErrorId 'IotNotConnected,IotAdmin.Commands.GetIotProjectCommand'
    }
}

Describe 'Bulk changes' {
    BeforeAll {
        Connect-Emulator
        $script:bulkProject = (Get-IotProject | Where-Object { -not $_.IsInventory } | Select-Object -Last 1).ProjectId
    }

    It 'sets labels on piped devices in one request per batch, with a summary' {
        $before = Get-IotEmulatorStat -Emulator $emulator
        $changed = Get-IotDevice -ProjectId $bulkProject | Set-IotLabel -Label @{ campaign = 'pester' } -PassThru -InformationVariable info
        $after = Get-IotEmulatorStat -Emulator $emulator
        $count = @(Get-IotDevice -ProjectId $bulkProject).Count # after the stats: not counted above
        $changed | Should -HaveCount $count
        $changed | ForEach-Object { $_.Labels['campaign'] | Should -Be 'pester' }
        ($after.byRoute.'POST /v2/projects/{p}/devices:batchUpdate' - [int]$before.byRoute.'POST /v2/projects/{p}/devices:batchUpdate') | Should -Be 1
        # Piped device objects bind to -InputObject: -PassThru computes the changed devices; the only listing is the upstream one.
        ($after.byRoute.'GET /v2/projects/{p}/devices' - $before.byRoute.'GET /v2/projects/{p}/devices') | Should -Be ([math]::Ceiling($count / 100))
        $summary = ($info | Where-Object { $_.Tags -contains 'Summary' }).MessageData
        $summary.Succeeded | Should -Be $count
        $summary.ToString() | Should -Match '^Set-IotLabel: \d+ succeeded, 0 failed'
        @(Get-IotDevice -ProjectId $bulkProject -Label @{ campaign = 'pester' }) | Should -HaveCount $count
    }

    It 're-running changes nothing twice and reports every device' {
        $before = (Get-IotEmulatorStat -Emulator $emulator).mutations
        $null = Get-IotDevice -ProjectId $bulkProject | Set-IotLabel -Label @{ campaign = 'pester' } -InformationVariable info
        (Get-IotEmulatorStat -Emulator $emulator).mutations | Should -Be ($before + 1)
        $summary = ($info | Where-Object { $_.Tags -contains 'Summary' }).MessageData
        $summary.Succeeded | Should -Be @(Get-IotDevice -ProjectId $bulkProject).Count
        $summary.Failed | Should -Be 0
        @(Get-IotDevice -ProjectId $bulkProject -Label @{ campaign = 'pester' }).Count | Should -Be $summary.Succeeded
    }

    It 'sends no mutating request with -WhatIf' {
        $before = (Get-IotEmulatorStat -Emulator $emulator).mutations
        # In a runspace without a host: its one "What if:" line per device goes nowhere instead of into the test log.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($Manifest, $Session, $Project) Import-Module $Manifest; Get-IotDevice -Session $Session -ProjectId $Project | Remove-IotLabel -Session $Session -Name campaign -WhatIf -InformationVariable info; $info.MessageData').AddArgument($manifest).AddArgument((Get-IotSession)).AddArgument($bulkProject)
            $summary = @($ps.Invoke())[-1]
            $ps.HadErrors | Should -BeFalse
        }
        finally {
            $ps.Dispose()
        }
        $summary.WhatIf | Should -BeGreaterThan 0
        "$summary" | Should -Match "; $($summary.WhatIf) would change$"
        (Get-IotEmulatorStat -Emulator $emulator).mutations | Should -Be $before
        @(Get-IotDevice -ProjectId $bulkProject -Label @{ campaign = 'pester' }).Count | Should -BeGreaterThan 0
    }

    It 'removes labels by plain id' {
        $ids = (Get-IotDevice -ProjectId $bulkProject -Label @{ campaign = $null }).DeviceId
        $ids | Remove-IotLabel -ProjectId $bulkProject -Name campaign -Confirm:$false
        @(Get-IotDevice -ProjectId $bulkProject -Label @{ campaign = $null }) | Should -HaveCount 0
    }

    It 'rejects a $null label value before any request' {
        { Get-IotDevice -ProjectId $bulkProject | Set-IotLabel -Label @{ zone = $null } } |
            Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.SetIotLabelCommand'
    }

    It 'moves devices and reports missing ones per device' {
        $destination = (Get-IotProject | Where-Object IsInventory).ProjectId
        $some = Get-IotDevice -ProjectId $bulkProject | Select-Object -First 5
        $moved = @($some | Move-IotDevice -DestinationProjectId $destination -PassThru)
        $moved | Should -HaveCount 5
        $moved.ProjectId | Sort-Object -Unique | Should -Be $destination
        $null = 'c0missingdevicexxxxx' | Move-IotDevice -ProjectId $bulkProject -DestinationProjectId $destination -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'IotApiNotFound,IotAdmin.Commands.MoveIotDeviceCommand'
        # Again, with the same (stale) objects: already there, nothing fails.
        $null = $some | Move-IotDevice -DestinationProjectId $destination -ErrorVariable none
        $none | Should -HaveCount 0
    }

    It 'stops a move to a missing project before any transfer' {
        { Get-IotDevice -ProjectId $bulkProject | Move-IotDevice -DestinationProjectId 'c0nosuchprojectxxxxx' } |
            Should -Throw -ErrorId 'IotApiNotFound,IotAdmin.Commands.MoveIotDeviceCommand'
    }
}

Describe 'Sessions' {
    It 'keeps two sessions apart with -Session' {
        $a = Connect-Emulator -PassThru
        $b = Connect-Emulator -PassThru
        (Get-IotSession).Id | Should -Be $b.Id
        @(Get-IotProject -Session $a) | Should -HaveCount 4
        Disconnect-IotAdmin -Session $a
        { Get-IotProject -Session $a } | Should -Throw -ErrorId 'IotNotConnected,IotAdmin.Commands.GetIotProjectCommand'
        @(Get-IotProject) | Should -HaveCount 4
    }

    It 'passes a session into parallel runspaces' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
        $s = Connect-Emulator -PassThru
        $counts = 1..3 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            @(Get-IotProject -Session $using:s).Count
        } -ThrottleLimit 3
        $counts | Should -Be @(4, 4, 4)
    }
}

Describe 'Cloud IoT Core-compatible provider' {
    BeforeAll {
        $script:g = Connect-IotAdmin -Provider GoogleIotCore -KeyFile $emulator.GoogleKeyFile -Endpoint $emulator.GoogleApiRoot -PassThru
        $script:registries = @(Get-IotProject -Session $g)
        $script:registry = ($registries | Select-Object -Last 1).ProjectId
    }

    It 'connects with a Google service-account key' {
        $g.Provider | Should -Be 'GoogleIotCore'
        $g.Endpoint.AbsoluteUri | Should -Be "$($emulator.GoogleApiRoot)/"
        $g.RateLimit | Should -Match '^500 requests per 10 s'
    }

    It 'lists registries as projects and devices with their metadata as labels' {
        $registries | Should -HaveCount 4
        $registries[0].Name | Should -Match '^projects/emulated-project/locations/us-central1/registries/'
        $devices = @(Get-IotDevice -Session $g -ProjectId $registry)
        $devices.Count | Should -BeGreaterThan 0
        $devices[0].NumId | Should -Match '^\d+$'
        $devices[0].Labels['name'] | Should -Not -BeNullOrEmpty
        @(Get-IotDevice -Session $g -ProjectId $registry -Label @{ floor = '3' }).Count | Should -Be @($devices | Where-Object { $_.Labels['floor'] -eq '3' }).Count
    }

    It 'sets and removes labels as metadata' {
        $some = Get-IotDevice -Session $g -ProjectId $registry | Select-Object -First 3
        $changed = @($some | Set-IotLabel -Session $g -Label @{ site = 'oslo' } -PassThru)
        $changed | Should -HaveCount 3
        (Get-IotDevice -Session $g -ProjectId $registry -DeviceId $some.DeviceId).Labels.site | Should -Be @('oslo', 'oslo', 'oslo')
        $some | Remove-IotLabel -Session $g -Name site
        @(Get-IotDevice -Session $g -ProjectId $registry -Label @{ site = $null }) | Should -HaveCount 0
    }

    It 'checks metadata keys against Cloud IoT Core rules before any request' {
        { Get-IotDevice -Session $g -ProjectId $registry | Set-IotLabel -Session $g -Label @{ '9lives' = 'x' } } |
            Should -Throw -ErrorId 'IotInvalidArgument,IotAdmin.Commands.SetIotLabelCommand'
    }

    It 'refuses to move devices with a NotImplemented error that gives the manual path' {
        $err = $null
        try { Get-IotDevice -Session $g -ProjectId $registry | Select-Object -First 1 | Move-IotDevice -Session $g -DestinationProjectId $registries[0].ProjectId } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'NotImplemented'
        $err.FullyQualifiedErrorId | Should -Be 'IotApiUnimplemented,IotAdmin.Commands.MoveIotDeviceCommand'
        $err.ErrorDetails.RecommendedAction | Should -Match 'create it in the target registry'
    }

    It 'reads Google-style errors with RetryInfo' {
        Add-IotEmulatorFault -Emulator $emulator -Fault @{ method = 'GET'; path = '/v1/projects/*/registries/*'; status = 429; count = 1; retryAfter = 1 }
        $strict = Connect-IotAdmin -Provider GoogleIotCore -KeyFile $emulator.GoogleKeyFile -Endpoint $emulator.GoogleApiRoot -MaxAttempts 1 -PassThru
        $null = Get-IotProject -Session $strict -ProjectId $registry -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
        $err[0].Exception.Status | Should -Be 'RESOURCE_EXHAUSTED'
        $err[0].Exception.Violations | Should -Not -BeNullOrEmpty
        $err[0].ErrorDetails.RecommendedAction | Should -Match '^Retry after 1 s'
        Clear-IotEmulatorFault -Emulator $emulator
    }
}
