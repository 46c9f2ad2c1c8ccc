#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Issue 15 through the real cmdlets: the administration story (projects, members, service accounts, keys, rotation),
# the pipelines between them, their views and the secret shown once. Against the emulator in its own process on
# 127.0.0.1 (random free port). Needs ./build.ps1 Build.

BeforeAll {
    $root = Split-Path -Parent $PSScriptRoot
    $manifest = Join-Path $root 'out/IotAdmin/IotAdmin.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The module is not built ($manifest). Run ./build.ps1 Build first." }
    Import-Module (Join-Path $PSScriptRoot 'EmulatorProcess.psm1') -Force
    Import-Module $manifest -Force
    $script:emulator = Start-IotEmulator -EmulatorPath (Join-Path $root 'out/emulator/IotAdmin.Emulator.dll') -ArgumentList '--devices', '60', '--projects', '3', '--rate-limit', '0', '--propagation-delay', '0'
    $script:admin = Connect-IotAdmin -CredentialsFile $emulator.CredentialsFile -Endpoint $emulator.ApiRoot -PassThru
    $script:seeded = @(Get-IotProject -Session $admin | Where-Object { -not $_.IsInventory })[0].ProjectId
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) ('iotadmin-access-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
    $script:runbook = Join-Path $root 'examples/Rotate-IotServiceAccountKey.Runbook.ps1'
    $script:adminFile = Join-Path $work 'admin.json'
    Copy-Item -LiteralPath $emulator.CredentialsFile -Destination $adminFile
    # The runbook imports IotAdmin by name, as in Automation: the built module is on the module path.
    $script:modulePath = $env:PSModulePath
    $env:PSModulePath = (Join-Path $root 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath
}

AfterAll {
    if ($null -ne $script:modulePath) { $env:PSModulePath = $script:modulePath }
    Get-IotSession | ForEach-Object { Disconnect-IotAdmin -Session $_ }
    if ($script:work) { Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue }
    if ($script:emulator) { Stop-IotEmulator -Emulator $script:emulator }
}

Describe 'The administration story' {
    It 'creates a project and an account with a key file, works as it, is refused what its role lacks, rotates its key and removes it' {
        # An administrator makes a site and moves one device there.
        $project = New-IotProject -Session $admin -DisplayName 'Pester site' -TimeZone 'Europe/Oslo' -Confirm:$false
        $project.TimeZone | Should -Be 'Europe/Oslo'
        $device = Get-IotDevice -Session $admin -ProjectId $seeded | Where-Object { -not $_.IsEmulated } | Select-Object -First 1
        $null = $device | Move-IotDevice -Session $admin -DestinationProjectId $project.ProjectId -Confirm:$false 6>$null

        # An identity for an integration, developer in the new project, with a key in an owner-only file.
        $account = New-IotServiceAccount -Session $admin -ProjectId $project.ProjectId -DisplayName 'ingest' -Confirm:$false
        $member = $account | Add-IotMember -Session $admin -ProjectId $project.ProjectId -Role project.developer -Confirm:$false 6>$null
        $member.Role | Should -Be 'project.developer'
        $member.AccountType | Should -Be 'SERVICE_ACCOUNT'
        $file = Join-Path $work 'ingest.json'
        $key = $account | New-IotServiceAccountKey -Session $admin -OutFile $file -Confirm:$false
        $key.OutFile | Should -Be $file
        $key.Credential.UserName | Should -Be $key.KeyId
        if (-not $IsWindows) { (Get-Item -LiteralPath $file).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
        { $account | New-IotServiceAccountKey -Session $admin -OutFile $file -ErrorAction Stop } | Should -Throw -ErrorId 'IotFileExists*'

        # It connects in this runspace with its own session, sees only its project and labels the device there.
        $ingest = Connect-IotAdmin -CredentialsFile $file -Endpoint $emulator.ApiRoot -PassThru
        @(Get-IotProject -Session $ingest).ProjectId | Should -Be @($project.ProjectId)
        $labelled = Get-IotDevice -Session $ingest -ProjectId $project.ProjectId | Set-IotLabel -Session $ingest -Label @{ line = 'a' } -PassThru -Confirm:$false 6>$null
        $labelled.Labels['line'] | Should -Be 'a'

        # Deleting the project needs project.admin: 403, and the hint names the role.
        Remove-IotProject -Session $ingest -ProjectId $project.ProjectId -Confirm:$false -ErrorVariable denied -ErrorAction SilentlyContinue
        $denied.Count | Should -Be 1
        $denied[0].FullyQualifiedErrorId | Should -BeLike 'IotApiPermissionDenied,*'
        $denied[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $denied[0].ErrorDetails.RecommendedAction | Should -Match 'role project\.admin'

        # Rotation: -WhatIf changes nothing; then a new key is proven, written over the file, and the old key deleted.
        $before = @(Get-IotServiceAccountKey -Session $admin -ProjectId $project.ProjectId -ServiceAccountId $account.ServiceAccountId)
        $null = & $runbook -ProjectId $project.ProjectId -ServiceAccountId $account.ServiceAccountId -OutFile $file -MaxAgeDays 0 -CredentialsFile $adminFile -Endpoint $emulator.ApiRoot -WhatIf
        @(Get-IotServiceAccountKey -Session $admin -ProjectId $project.ProjectId -ServiceAccountId $account.ServiceAccountId).KeyId | Should -Be $before.KeyId
        (Get-Content -LiteralPath $file -Raw | ConvertFrom-Json).serviceAccount.keyId | Should -Be $key.KeyId
        $log = & $runbook -ProjectId $project.ProjectId -ServiceAccountId $account.ServiceAccountId -OutFile $file -MaxAgeDays 0 -CredentialsFile $adminFile -Endpoint $emulator.ApiRoot -Confirm:$false
        $log[-1] | Should -Be 'Done.'
        $after = @(Get-IotServiceAccountKey -Session $admin -ProjectId $project.ProjectId -ServiceAccountId $account.ServiceAccountId)
        $after.Count | Should -Be 1
        $after[0].KeyId | Should -Not -Be $key.KeyId
        (Get-Content -LiteralPath $file -Raw | ConvertFrom-Json).serviceAccount.keyId | Should -Be $after[0].KeyId
        if (-not $IsWindows) { (Get-Item -LiteralPath $file).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
        $rotated = Connect-IotAdmin -CredentialsFile $file -Endpoint $emulator.ApiRoot -PassThru
        @(Get-IotProject -Session $rotated).ProjectId | Should -Be @($project.ProjectId)

        # The project cannot go while the account and the device are in it; then it can.
        Remove-IotProject -Session $admin -ProjectId $project.ProjectId -Confirm:$false -ErrorVariable blocked -ErrorAction SilentlyContinue
        $blocked[0].Exception.StatusCode | Should -Be 400
        $account | Remove-IotServiceAccount -Session $admin -Confirm:$false
        { Get-IotProject -Session $rotated -ErrorAction Stop } | Should -Throw -ErrorId 'IotApiUnauthenticated*'
        $null = Get-IotDevice -Session $admin -ProjectId $project.ProjectId | Move-IotDevice -Session $admin -DestinationProjectId $seeded -Confirm:$false 6>$null
        Get-IotProject -Session $admin -ProjectId $project.ProjectId | Remove-IotProject -Session $admin -Confirm:$false
        { Get-IotProject -Session $admin -ProjectId $project.ProjectId -ErrorAction Stop } | Should -Throw -ErrorId 'IotApiNotFound*'
        foreach ($s in $ingest, $rotated) { Disconnect-IotAdmin -Session $s }
    }
}

Describe 'Pipelines by property name' {
    BeforeAll {
        $script:account = New-IotServiceAccount -Session $admin -ProjectId $seeded -DisplayName 'pipeline' -Confirm:$false
        $script:keys = 1..2 | ForEach-Object { $account | New-IotServiceAccountKey -Session $admin -Confirm:$false }
    }

    It 'Get-IotProject | Get-IotMember lists the members of every project' {
        $null = 'a@example.com', 'b@example.com' | ForEach-Object { [pscustomobject]@{ Email = $_; Role = 'project.user'; ProjectId = $seeded } } | Add-IotMember -Session $admin -Confirm:$false 6>$null
        $members = @(Get-IotProject -Session $admin | Get-IotMember -Session $admin)
        ($members | Where-Object ProjectId -EQ $seeded).Email | Should -Contain 'a@example.com'
        ($members.ProjectId | Sort-Object -Unique).Count | Should -BeGreaterOrEqual 1
    }

    It 'Get-IotServiceAccount -ProjectId p | Get-IotServiceAccountKey lists the keys of each account' {
        $listed = @(Get-IotServiceAccount -Session $admin -ProjectId $seeded | Where-Object ServiceAccountId -EQ $account.ServiceAccountId | Get-IotServiceAccountKey -Session $admin)
        ($listed.KeyId | Sort-Object) | Should -Be ($keys.KeyId | Sort-Object)
    }

    It 'Get-IotMember … | Remove-IotMember removes them, -WhatIf first' {
        $pending = { @(Get-IotMember -Session $admin -ProjectId $seeded | Where-Object Email -In 'a@example.com', 'b@example.com') }
        (& $pending) | Remove-IotMember -Session $admin -WhatIf
        (& $pending).Count | Should -Be 2
        (& $pending) | Remove-IotMember -Session $admin -Confirm:$false -InformationVariable info 6>$null
        (& $pending).Count | Should -Be 0
        $summary = ($info | Where-Object { $_.Tags -contains 'Summary' }).MessageData
        $summary.Succeeded | Should -Be 2
        $summary.Requests | Should -Be 1 -Because 'the two go out in one members:batchDelete call'
    }

    It 'Get-IotServiceAccountKey | Remove-IotServiceAccountKey deletes keys' {
        $account | Get-IotServiceAccountKey -Session $admin | Remove-IotServiceAccountKey -Session $admin -Confirm:$false
        @($account | Get-IotServiceAccountKey -Session $admin).Count | Should -Be 0
    }

    It 'adds piped members in batches and says so on the Information stream' {
        $rows = 1..150 | ForEach-Object { [pscustomobject]@{ Email = "batch$_@example.com"; Role = 'project.user' } }
        $added = @($rows | Add-IotMember -Session $admin -ProjectId $seeded -Confirm:$false -InformationVariable info 6>$null)
        $added.Count | Should -Be 150
        $summary = ($info | Where-Object { $_.Tags -contains 'Summary' }).MessageData
        $summary.Command | Should -Be 'Add-IotMember'
        $summary.Succeeded | Should -Be 150
        $summary.Requests | Should -Be 2
    }
}

Describe 'Roles, permissions and bad input' {
    It 'lists the four roles and the connected account''s permissions' {
        (Get-IotRole -Session $admin).Role | Sort-Object | Should -Be @('organization.admin', 'project.admin', 'project.developer', 'project.user')
        (Get-IotPermission -Session $admin).Permission | Should -Contain 'project.create'
        (Get-IotProject -Session $admin -ProjectId $seeded | Get-IotPermission -Session $admin).Permission | Should -Contain 'device.transfer'
    }

    It 'refuses a role that does not fit, before any request (<Role>)' -ForEach @(
        @{ Role = 'owner' }
        @{ Role = 'organization.admin' }
    ) {
        Add-IotMember -Session $admin -ProjectId $seeded -Email 'x@example.com' -Role $Role -Confirm:$false -ErrorVariable bad -ErrorAction SilentlyContinue 6>$null
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'IotInvalidArgument,*'
    }

    It 'binds an organization member (no ProjectId) by property name' {
        $owner = Get-IotMember -Session $admin | Where-Object AccountType -EQ 'USER' | Select-Object -First 1
        $owner.ProjectId | Should -BeNullOrEmpty
        $owner | Get-IotMemberInviteUrl -Session $admin -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].Exception.StatusCode | Should -Be 400
        $refused[0].Exception.Path | Should -BeLike '*/organizations/*/members/*:getInviteUrl'
    }

    It 'refuses a Cloud IoT Core session before any request' {
        $google = Connect-IotAdmin -KeyFile $emulator.GoogleKeyFile -Endpoint $emulator.GoogleApiRoot -PassThru
        try {
            { Get-IotServiceAccount -Session $google -ProjectId $seeded -ErrorAction Stop } | Should -Throw -ErrorId 'IotApiUnimplemented*'
            { Add-IotMember -Session $google -ProjectId $seeded -Email 'x@example.com' -Role project.user -ErrorAction Stop } | Should -Throw -ErrorId 'IotApiUnimplemented*'
        }
        finally {
            Disconnect-IotAdmin -Session $google
        }
    }

    It 'completes -Role with the four role names' {
        $completion = TabExpansion2 -inputScript 'Set-IotMember -Role project.' -cursorColumn 'Set-IotMember -Role project.'.Length
        $completion.CompletionMatches.CompletionText | Should -Be @('project.user', 'project.developer', 'project.admin')
    }
}

Describe 'A new key at the prompt' {
    BeforeAll {
        $script:owner = New-IotServiceAccount -Session $admin -ProjectId $seeded -DisplayName 'viewed' -Confirm:$false
        $script:newKey = $owner | New-IotServiceAccountKey -Session $admin -Confirm:$false -Verbose 4>&1 | Tee-Object -Variable script:streams | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $script:plain = [System.Net.NetworkCredential]::new('', $newKey.Secret).Password
    }

    It 'shows the secret in no view, text or stream' {
        $plain | Should -Match '^[0-9a-f]{32}$'
        $texts = @(
            ($newKey | Out-String -Width 200), ($newKey | Format-List * | Out-String -Width 200), "$newKey",
            ($newKey.Credential | Out-String), ($streams | Out-String -Width 200), ($newKey | ConvertTo-Json -Depth 2 -WarningAction SilentlyContinue)
        )
        foreach ($text in $texts) { $text | Should -Not -Match $plain }
        $newKey.Credential.GetNetworkCredential().Password | Should -Be $plain
    }

    It 'connects with its Credential and Email, the form of Connect-IotAdmin -Credential' {
        $connected = Connect-IotAdmin -Credential $newKey.Credential -Email $newKey.Email -Endpoint $emulator.ApiRoot -PassThru
        try {
            $connected.KeyId | Should -Be $newKey.KeyId
            @(Get-IotProject -Session $connected).Count | Should -Be 0 -Because 'a new account sees nothing until it is added as a member'
        }
        finally {
            Disconnect-IotAdmin -Session $connected
        }
    }

    It 'keeps its tables within 80 columns with whole ids' {
        foreach ($item in @($newKey, ($owner | Get-IotServiceAccountKey -Session $admin), $owner, (Get-IotMember -Session $admin -ProjectId $seeded | Select-Object -First 3), (Get-IotRole -Session $admin))) {
            $text = $item | Format-Table | Out-String -Width 80
            ($text -split '\r?\n') | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        }
        ($newKey | Format-Table | Out-String -Width 80) | Should -Match ([regex]::Escape($newKey.KeyId))
        ($owner | Format-Table | Out-String -Width 80) | Should -Match ([regex]::Escape($owner.ServiceAccountId))
    }
}
