
use builtin;
use str;

set edit:completion:arg-completer[beian] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'beian'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'beian'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
            cand -V '打印版本'
            cand --version '打印版本'
            cand check '按全国和各省规则检查备案草稿'
            cand rules '列出规则或解释一条规则'
            cand new '逐步填写一份备案（交互式向导），或用 --no-input 从答案文件生成'
            cand bundle '生成备案资料包：材料清单、填好的表格和函件、可打印的报告'
            cand templates '列出资料包模板或显示其中一个（在配置目录的 templates 中放同名文件即可覆盖）'
            cand types '说明各备案类型：何时适用、需要填写什么、如何判断'
            cand completions '打印 shell 补全脚本（bash、zsh、fish、powershell、elvish）'
            cand app '从 APK、密钥库和证书文件中读取 APP 的签名证书'
            cand config '显示配置文件的位置和内容'
            cand schema '打印备案草稿格式的 JSON Schema（2020-12），供编辑器和校验工具使用'
            cand man '把 man 手册页（roff）打印到标准输出'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;check'= {
            cand --format '报告格式'
            cand --as-of '按这一天（YYYY-MM-DD）检查所有日期规则，而不是草稿的 filing_date'
            cand --allow '本次运行忽略这条规则的问题（可重复；在配置文件的覆盖之后生效）'
            cand --warn '本次运行把这条规则的问题当作警告（可重复）'
            cand --deny '本次运行把这条规则的问题当作错误（可重复）'
            cand -j '同时检查的草稿数（默认：每个 CPU 核心一个）'
            cand --jobs '同时检查的草稿数（默认：每个 CPU 核心一个）'
            cand --fail-on '出现这一级别或更严重的问题时以状态 1 退出'
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand --require-materials '把 [materials] 中缺少的材料当作错误'
            cand --no-checklist '表格报告中不显示材料清单'
            cand -q '不在标准错误上显示进度条（标准输出上的报告不变）'
            cand --quiet '不在标准错误上显示进度条（标准输出上的报告不变）'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;rules'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
            cand list '列出规则（全国规则；加 --province 时包括该省规则）'
            cand explain '解释一条规则：检查什么、为什么、如何修改、来源'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;rules;list'= {
            cand --province '备案地域：广东、广东省、44 或 guangdong'
            cand --type '只列出适用于该备案类型的规则：first、new_service、new_access、change、cancel、transfer（或中文名称）'
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand --json '输出 JSON 而不是表格'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;rules;explain'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand --json '输出 JSON 而不是文本'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;rules;help'= {
            cand list '列出规则（全国规则；加 --province 时包括该省规则）'
            cand explain '解释一条规则：检查什么、为什么、如何修改、来源'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;rules;help;list'= {
        }
        &'beian;rules;help;explain'= {
        }
        &'beian;rules;help;help'= {
        }
        &'beian;new'= {
            cand --out '写入草稿及备案资料包的文件夹（须不存在或为空）'
            cand --resume '继续上次中断的向导（默认：最近保存的草稿）'
            cand --answers '从草稿文件（完整或部分）预填答案；预填的答案会被检查而不再询问'
            cand --set '按点分键预填一个答案，例如 principal.province=广东（可重复）'
            cand --storepass-env '没有终端时：从这个环境变量读取签名密钥库的密码（同 app inspect --storepass-env）'
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand --no-input '从不提问：一次列出所有缺少或无效的答案（标准输入不是终端时也是如此）'
            cand --force '替换 beian 以前写出的资料包文件夹'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;bundle'= {
            cand --out '输出文件夹（默认：草稿旁的 <草稿名>-bundle）'
            cand --as-of '按这一天（YYYY-MM-DD）检查所有日期规则，而不是草稿的 filing_date'
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand --force '替换已存在的资料包文件夹（仅限 beian 生成、且其中没有你添加或改动过的文件；有则列出并拒绝，从不删除）'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;templates'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
            cand list '列出模板及其来源（内置或你的覆盖文件）'
            cand show '打印模板源文件（有覆盖文件时打印覆盖文件）'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;templates;list'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;templates;show'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;templates;help'= {
            cand list '列出模板及其来源（内置或你的覆盖文件）'
            cand show '打印模板源文件（有覆盖文件时打印覆盖文件）'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;templates;help;list'= {
        }
        &'beian;templates;help;show'= {
        }
        &'beian;templates;help;help'= {
        }
        &'beian;types'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand --json '输出 JSON 而不是文本'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;completions'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;app'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
            cand inspect '打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;app;inspect'= {
            cand --format '报告格式'
            cand --alias '要读取的密钥库条目（默认：全部条目）'
            cand --storepass-env '从这个环境变量读取密钥库密码，而不是在终端上询问'
            cand --draft '与这份草稿中的 APP 比对，把不一致之处报告为问题'
            cand --app '草稿中的第几个 [[app]]，从 0 开始（默认 0）'
            cand --platform '该 APP 的第几个 [[app.platform]]，从 0 开始（默认：os 与文件相符的那个）'
            cand --as-of '按这一天（YYYY-MM-DD）判断证书是否过期，而不是草稿的 filing_date 或今天'
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand --write '把指纹、公钥和缺少的包名写入草稿（保留注释）'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;app;help'= {
            cand inspect '打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;app;help;inspect'= {
        }
        &'beian;app;help;help'= {
        }
        &'beian;config'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
            cand path '打印配置文件的路径（文件可能还不存在）'
            cand show '打印生效的设置和按规则调整的级别'
            cand init '写入一份带注释的配置文件（已存在时不会覆盖）'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;config;path'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;config;show'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;config;init'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;config;help'= {
            cand path '打印配置文件的路径（文件可能还不存在）'
            cand show '打印生效的设置和按规则调整的级别'
            cand init '写入一份带注释的配置文件（已存在时不会覆盖）'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;config;help;path'= {
        }
        &'beian;config;help;show'= {
        }
        &'beian;config;help;init'= {
        }
        &'beian;config;help;help'= {
        }
        &'beian;schema'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;man'= {
            cand --lang '提示、消息、报告和帮助的语言（默认中文；其次看配置文件的 lang 或英文系统区域设置）'
            cand --color '何时使用颜色：auto（仅在终端上）、always、never；设置了 NO_COLOR 时一律不用颜色'
            cand -h '打印帮助'
            cand --help '打印帮助'
        }
        &'beian;help'= {
            cand check '按全国和各省规则检查备案草稿'
            cand rules '列出规则或解释一条规则'
            cand new '逐步填写一份备案（交互式向导），或用 --no-input 从答案文件生成'
            cand bundle '生成备案资料包：材料清单、填好的表格和函件、可打印的报告'
            cand templates '列出资料包模板或显示其中一个（在配置目录的 templates 中放同名文件即可覆盖）'
            cand types '说明各备案类型：何时适用、需要填写什么、如何判断'
            cand completions '打印 shell 补全脚本（bash、zsh、fish、powershell、elvish）'
            cand app '从 APK、密钥库和证书文件中读取 APP 的签名证书'
            cand config '显示配置文件的位置和内容'
            cand schema '打印备案草稿格式的 JSON Schema（2020-12），供编辑器和校验工具使用'
            cand man '把 man 手册页（roff）打印到标准输出'
            cand help '打印本帮助或指定子命令的帮助'
        }
        &'beian;help;check'= {
        }
        &'beian;help;rules'= {
            cand list '列出规则（全国规则；加 --province 时包括该省规则）'
            cand explain '解释一条规则：检查什么、为什么、如何修改、来源'
        }
        &'beian;help;rules;list'= {
        }
        &'beian;help;rules;explain'= {
        }
        &'beian;help;new'= {
        }
        &'beian;help;bundle'= {
        }
        &'beian;help;templates'= {
            cand list '列出模板及其来源（内置或你的覆盖文件）'
            cand show '打印模板源文件（有覆盖文件时打印覆盖文件）'
        }
        &'beian;help;templates;list'= {
        }
        &'beian;help;templates;show'= {
        }
        &'beian;help;types'= {
        }
        &'beian;help;completions'= {
        }
        &'beian;help;app'= {
            cand inspect '打印每张签名证书的指纹（MD5、SHA-1、SHA-256）和公钥，并与草稿比对'
        }
        &'beian;help;app;inspect'= {
        }
        &'beian;help;config'= {
            cand path '打印配置文件的路径（文件可能还不存在）'
            cand show '打印生效的设置和按规则调整的级别'
            cand init '写入一份带注释的配置文件（已存在时不会覆盖）'
        }
        &'beian;help;config;path'= {
        }
        &'beian;help;config;show'= {
        }
        &'beian;help;config;init'= {
        }
        &'beian;help;schema'= {
        }
        &'beian;help;man'= {
        }
        &'beian;help;help'= {
        }
    ]
    $completions[$command]
}
