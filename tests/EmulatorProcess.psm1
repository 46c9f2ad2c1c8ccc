# Starts and stops the IotAdmin emulator as a separate process on 127.0.0.1 (a random free port), and drives its
# control API. Used by build.ps1 Demo and by the Pester suite.
Set-StrictMode -Version 3.0

function Start-IotEmulator {
    [CmdletBinding()]
    param(
        # The built emulator (out/emulator/IotAdmin.Emulator.dll).
        [Parameter(Mandatory)] [string] $EmulatorPath,
        # Extra emulator options, e.g. '--devices', '2500'.
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSec = 60
    )
    if (-not (Test-Path -LiteralPath $EmulatorPath)) { throw "The emulator is not built: '$EmulatorPath' is missing. Run ./build.ps1 Build first." }
    $stem = Join-Path ([System.IO.Path]::GetTempPath()) ('iotadmin-emulator-' + [guid]::NewGuid().ToString('N'))
    $credentialsFile = "$stem.json"
    $googleKeyFile = "$stem.google.json"
    $arguments = @("`"$EmulatorPath`"", '--urls', 'http://127.0.0.1:0', '--google-key-file', "`"$googleKeyFile`"", '--credentials-file', "`"$credentialsFile`"") + $ArgumentList
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow -RedirectStandardOutput "$stem.out.log" -RedirectStandardError "$stem.err.log"
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (Test-Path -LiteralPath $credentialsFile)) {
        if ($process.HasExited) {
            throw "The emulator exited with code $($process.ExitCode): $(Get-Content -LiteralPath "$stem.err.log" -Raw -ErrorAction SilentlyContinue)"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The emulator did not start within $TimeoutSec s."
        }
        Start-Sleep -Milliseconds 100
    }
    $account = (Get-Content -LiteralPath $credentialsFile -Raw | ConvertFrom-Json).serviceAccount
    $base = $account.tokenEndpoint -replace '/oauth2/token$', ''
    [pscustomobject]@{
        PSTypeName      = 'IotAdmin.EmulatorProcess'
        Process         = $process
        Stem            = $stem
        CredentialsFile = $credentialsFile
        BaseUri         = $base
        ApiRoot         = "$base/v2"
        GoogleApiRoot   = "$base/v1"
        GoogleKeyFile   = $googleKeyFile
        TokenEndpoint   = $account.tokenEndpoint
        KeyId           = $account.keyId
        Secret          = $account.secret
        Email           = $account.email
    }
}

function Stop-IotEmulator {
    # Asks the emulator to stop as a supervisor would (SIGTERM; it exits 0 within a second or two), and kills it only
    # if it does not.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    if (-not $Emulator.Process.HasExited) {
        if (-not $IsWindows) { & kill -s TERM $Emulator.Process.Id 2>$null }
        if (-not $Emulator.Process.WaitForExit(5000)) {
            Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
            $null = $Emulator.Process.WaitForExit(10000)
        }
    }
    Remove-Item -LiteralPath $Emulator.CredentialsFile, $Emulator.GoogleKeyFile, "$($Emulator.Stem).out.log", "$($Emulator.Stem).err.log" -ErrorAction SilentlyContinue
}

function Add-IotEmulatorFault {
    # The next -Fault.count requests matching method/path fail as described (see docs/emulator.md).
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Fault)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)/_emulator/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json -Compress)
}

function Clear-IotEmulatorFault {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.BaseUri)/_emulator/faults"
}

function Get-IotEmulatorStat {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Get -Uri "$($Emulator.BaseUri)/_emulator/stats"
}

function Reset-IotEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)/_emulator/reset"
}

Export-ModuleMember -Function Start-IotEmulator, Stop-IotEmulator, Add-IotEmulatorFault, Clear-IotEmulatorFault, Get-IotEmulatorStat, Reset-IotEmulator
