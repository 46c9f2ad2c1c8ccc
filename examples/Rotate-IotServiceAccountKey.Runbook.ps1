<#
.SYNOPSIS
    Runbook: rotates a service account's key — makes a new key, proves it works by connecting with it, hands it on
    (a credentials file, or an Azure Automation credential), then deletes the account's keys older than N days.
.DESCRIPTION
    Runs as an administrator account (project.admin in the project that owns the rotated account, or
    organization.admin): from the Automation credential 'DT service account' and the variable
    'DT service account email', or, outside Automation (rehearsals against the emulator), from -CredentialsFile.

    The new key is handed on only after a connection with it succeeded, and the old keys are deleted only after the
    new one was handed on: a failure at any step leaves the account with a working key. With -OutFile the new key is
    written next to the file first (owner-only), proven from there, then moved over the old file. With
    -AutomationCredentialName it replaces that Automation credential (Az.Automation's Set-AzAutomationCredential).

    -WhatIf runs the whole rotation without changing anything: it reads the account and its keys and says what it
    would create, hand on and delete.
.EXAMPLE
    ./Rotate-IotServiceAccountKey.Runbook.ps1 -ProjectId $p -ServiceAccountId $sa -OutFile ./ingest.json -MaxAgeDays 0 -CredentialsFile ./admin.json -WhatIf
#>
[CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'File')]
param(
    [Parameter(Mandatory)] [string] $ProjectId,
    [Parameter(Mandatory)] [string] $ServiceAccountId,
    # Keys created more than this many days ago are deleted (0: every key but the new one).
    [ValidateRange(0, 3650)] [int] $MaxAgeDays = 90,
    [Parameter(Mandatory, ParameterSetName = 'File')] [string] $OutFile,
    [Parameter(Mandatory, ParameterSetName = 'Automation')] [string] $AutomationCredentialName,
    [Parameter(Mandatory, ParameterSetName = 'Automation')] [string] $AutomationAccountName,
    [Parameter(Mandatory, ParameterSetName = 'Automation')] [string] $ResourceGroupName,
    # The administrator's credentials file (default: the Automation credential 'DT service account').
    [string] $CredentialsFile,
    [string] $Endpoint
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module IotAdmin

$connect = @{}
if ($Endpoint) { $connect.Endpoint = $Endpoint }
$admin = if ($CredentialsFile) {
    Connect-IotAdmin -CredentialsFile $CredentialsFile @connect -PassThru
}
else {
    Connect-IotAdmin -Credential (Get-AutomationPSCredential -Name 'DT service account') -Email (Get-AutomationVariable -Name 'DT service account email') @connect -PassThru
}

$proof = $null
try {
    $account = Get-IotServiceAccount -Session $admin -ProjectId $ProjectId -ServiceAccountId $ServiceAccountId
    $cutoff = (Get-Date).ToUniversalTime().AddDays(-$MaxAgeDays)
    $old = @(Get-IotServiceAccountKey -Session $admin -ProjectId $ProjectId -ServiceAccountId $ServiceAccountId |
            Where-Object { $_.CreateTime -le $cutoff })
    Write-Output ("Rotating {0} ({1}): {2} key(s) created before {3:u} to delete." -f $account.DisplayName, $account.Email, $old.Count, $cutoff)

    # 1. A new key (its secret is in $key only; with -OutFile also in an owner-only file next to the target).
    $staged = if ($OutFile) { "$OutFile.new" } else { $null }
    $new = @{ Session = $admin; ProjectId = $ProjectId; ServiceAccountId = $ServiceAccountId }
    if ($staged) { $new.OutFile = $staged; $new.Force = $true }
    $key = New-IotServiceAccountKey @new
    if (-not $key) {
        Write-Output "What if: the new key would be proven by connecting with it, then handed on."
    }
    else {
        # 2. Prove it: a connection with the new key gets a token (the same way its users will connect).
        $proof = if ($staged) {
            Connect-IotAdmin -CredentialsFile $staged @connect -PassThru
        }
        else {
            Connect-IotAdmin -Credential $key.Credential -Email $key.Email @connect -PassThru
        }
        Write-Output ("New key {0} works (token until {1:u})." -f $key.KeyId, $proof.TokenExpiresOn)

        # 3. Hand it on.
        if ($staged) {
            Move-Item -LiteralPath $staged -Destination $OutFile -Force
            Write-Output "Wrote the credentials file $OutFile."
        }
        else {
            Set-AzAutomationCredential -ResourceGroupName $ResourceGroupName -AutomationAccountName $AutomationAccountName -Name $AutomationCredentialName -Value $key.Credential | Out-Null
            Write-Output "Updated the Automation credential '$AutomationCredentialName'."
        }
    }

    # 4. Delete the old keys (never the new one), each confirmed by -WhatIf/-Confirm as the caller asked.
    $old | Where-Object { -not $key -or $_.KeyId -ne $key.KeyId } |
        Remove-IotServiceAccountKey -Session $admin -Confirm:$false -ErrorAction Continue -ErrorVariable failed
    if ($failed) { throw "$(@($failed).Count) old key(s) could not be deleted; the new key is in place. Re-run to retry." }
    Write-Output "Done."
}
finally {
    if ($proof) { Disconnect-IotAdmin -Session $proof }
    Disconnect-IotAdmin -Session $admin
}
