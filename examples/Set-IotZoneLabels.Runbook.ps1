<#
.SYNOPSIS
    Azure Automation runbook: labels every device on a floor of a project with a zone — idempotently, without prompts,
    with a log that reads well.
.DESCRIPTION
    In Azure Automation, the credentials come from the Automation credential 'DT service account' (user name = key id,
    password = secret) and the variable 'DT service account email'. Outside Automation (rehearsals against the
    emulator), pass -CredentialsFile and -Endpoint.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ProjectId,
    [Parameter(Mandatory)] [string] $Floor,
    [Parameter(Mandatory)] [string] $Zone,
    [string] $CredentialsFile,
    [string] $Endpoint
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module IotAdmin

$connect = @{}
if ($Endpoint) { $connect.Endpoint = $Endpoint }
if ($CredentialsFile) {
    Connect-IotAdmin -CredentialsFile $CredentialsFile @connect
}
else {
    $credential = Get-AutomationPSCredential -Name 'DT service account'
    $email = Get-AutomationVariable -Name 'DT service account email'
    Connect-IotAdmin -Credential $credential -Email $email @connect
}

try {
    # Per-device failures are collected, not fatal: one bad device must not stop the other 9,999.
    Get-IotDevice -ProjectId $ProjectId -Label @{ floor = $Floor } |
        Set-IotLabel -Label @{ zone = $Zone } -Confirm:$false -ErrorAction Continue -ErrorVariable failed -InformationVariable info

    $summary = ($info | Where-Object { $_.Tags -contains 'Summary' }).MessageData
    Write-Output $summary.ToString()
    foreach ($e in $failed) {
        Write-Output ("FAILED {0}: {1} {2}" -f $e.TargetObject, $e.FullyQualifiedErrorId.Split(',')[0], $e.ErrorDetails.RecommendedAction)
    }
    if ($summary.Failed -gt 0) { throw "$($summary.Failed) device(s) were not labelled; re-run the job to retry them." }
}
finally {
    Disconnect-IotAdmin
}
