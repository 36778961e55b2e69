# bash completion for aerostat-cli                      -*- shell-script -*-
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Commands, their options and option values; VM and cluster names from the
# engine when its address and password are in the environment
# (AEROSTAT_ENGINE, AEROSTAT_PASSWORD, and AEROSTAT_USER if not the
# default). Without them nothing is asked: completion never prompts and
# never reads a password from anywhere else.

# Options that take a value, wherever they stand.
_aerostat_cli_valued='--engine --user --password-file --ca-file --timeout --search --ballooning --memory --guaranteed --max --overcommit --ksm --transparent-hugepages'

# The names of the engine's VMs (vms) or clusters (clusters) starting with
# $3, one a line, asked of the program $1. The table's first column is the
# name (engine names hold no blanks); its heading line is left out.
_aerostat_cli_names()
{
    local program=$1 what=$2 prefix=$3
    local -a search=()

    [[ -n ${AEROSTAT_ENGINE-} && -n ${AEROSTAT_PASSWORD-} ]] || return 0
    # Let the engine filter a long VM list, unless the prefix holds
    # characters its search language would read otherwise.
    if [[ $what == vms && -n $prefix && $prefix =~ ^[A-Za-z0-9._-]+$ ]]; then
        search=(--search "name=$prefix*")
    fi
    timeout 10 "$program" "$what" "${search[@]}" </dev/null 2>/dev/null |
        awk 'NR > 1 { print $1 }'
}

_aerostat_cli()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=${COMP_WORDS[COMP_CWORD - 1]}
    local program=${COMP_WORDS[0]}
    local global='--engine --user --password-file --password-stdin --ca-file --timeout --json --help --version'
    local command='' verb='' word options names
    local -i i nargs=0

    COMPREPLY=()

    case $prev in
        --password-file|--ca-file)
            COMPREPLY=($(compgen -f -- "$cur"))
            compopt -o filenames 2>/dev/null
            return 0
            ;;
        --ballooning|--ksm|--transparent-hugepages)
            COMPREPLY=($(compgen -W 'on off' -- "$cur"))
            return 0
            ;;
    esac
    # Any other value (an address, a size, a query) is the admin's own.
    [[ " $_aerostat_cli_valued " == *" $prev "* ]] && return 0

    # The command words so far, options and their values left out.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ " $_aerostat_cli_valued " == *" $word "* ]]; then
            ((i++))
            continue
        fi
        [[ $word == -* ]] && continue
        if [[ -z $command ]]; then
            command=$word
        elif [[ ($command == vm || $command == cluster) && -z $verb ]]; then
            verb=$word
        else
            nargs+=1
        fi
    done

    case $command in
        '')
            options=''
            names='vms vm clusters cluster hosts templates'
            ;;
        vms)
            options='--search --all-content'
            names=''
            ;;
        hosts)
            options='--search'
            names=''
            ;;
        clusters|templates)
            options=''
            names=''
            ;;
        vm)
            case $verb in
                '')
                    options=''
                    names='show set run-once start shutdown stop'
                    ;;
                set)
                    options='--ballooning --memory --guaranteed --max --next-run --force --search --dry-run'
                    ;;
                run-once)
                    options='--volatile --pause'
                    ;;
                *)
                    options=''
                    ;;
            esac
            if [[ -n $verb ]]; then
                names=''
                if ((nargs == 0)) && [[ $cur != -* ]]; then
                    names=$(_aerostat_cli_names "$program" vms "$cur")
                fi
            fi
            ;;
        cluster)
            if [[ -z $verb ]]; then
                options=''
                names='show set'
            else
                options=''
                [[ $verb == set ]] &&
                    options='--ballooning --overcommit --ksm --transparent-hugepages'
                names=''
                if ((nargs == 0)) && [[ $cur != -* ]]; then
                    names=$(_aerostat_cli_names "$program" clusters "$cur")
                fi
            fi
            ;;
        *)
            return 0
            ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options $global" -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$names" -- "$cur"))
    fi
    return 0
}

complete -F _aerostat_cli aerostat-cli
