"""The words sectools says to a clerk, in Simplified Chinese and English.

Each problem code has one entry: what is wrong (with the bad value and what was expected) and
how to fix it.  Traditional Chinese (``zh-TW``) is made from the Simplified text with OpenCC.
Codes are stable: scripts may match on them.
"""

from __future__ import annotations

import re
from functools import lru_cache

# code: (zh-CN, en).  Placeholders: {value} (the bad value) and the problem's params.
MESSAGES: dict[str, tuple[str, str]] = {
    # ---- files ------------------------------------------------------------------------
    "file-not-found": (
        "找不到文件。请检查 sectools.toml 里的路径，或把文件放到办公室文件夹中。",
        "File not found. Check the path in sectools.toml, or put the file in the office folder.",
    ),
    "table-file-moved": (
        "找不到这个文件，但在“{found}”有一个同名文件。若是把它移到了那里，请把 sectools.toml 里 {key} 的 path "
        "改成 \"{suggest}\"。",
        "File not found, but '{found}' has the same name. If you moved it there, set path under {key} in "
        "sectools.toml to \"{suggest}\".",
    ),
    # 收文登记
    "incoming-duplicate-number": (
        "收文编号“{value}”已在 {other} 用过。每份收文一个编号：请改正其中一个。",
        "The number '{value}' is already used at {other}. Each document has its own number: correct one of them.",
    ),
    "incoming-unknown-department": (
        "“{value}”不是本单位的部门（sectools.toml 里的部门：{allowed}）。请核对部门名称。",
        "'{value}' is not one of the office's departments ({allowed}). Check the department's name.",
    ),
    "incoming-no-circulation": (
        "这份阅件没有写传阅给谁，无法判断是否已阅毕。请在“传阅”里写上阅文人（已阅的在名字后写日期，如 张三(3/5)）。",
        "This document for reading has no one to read it, so whether it has been read cannot be told. List the "
        "readers in the circulation column, each with the date they read it.",
    ),
    "incoming-no-lead": (
        "这份办件由 {departments} 办理，但没有写谁主办。两个以上部门办理时须确定一个主办部门，请填写“主办部门”。",
        "This document is handled by {departments} with none named as lead. When two or more departments handle "
        "one, one of them leads: fill in the lead department.",
    ),
    "incoming-no-department": (
        "这份办件没有承办部门，无法催办。请填写主办（承办）部门。",
        "This document for action has no department handling it, so nobody can be chased. Fill in the lead "
        "department.",
    ),
    "incoming-no-due": (
        "这份办件没有办理时限，暂按收文后 {days} 个工作日（{date}）计。请填写办理时限。",
        "This document for action has no due date; {days} working days from receipt ({date}) is assumed. Fill in "
        "the due date.",
    ),
    "incoming-done-without-result": (
        "写了办结日期 {date}，但没有办理结果，不能算办结（办件须落实、答复或批复）。请填写办理结果。",
        "A finishing date ({date}) is given but no result, so it is not finished (a document for action is "
        "finished when it was carried out, answered or replied to). Fill in the result.",
    ),
    "incoming-several-leads": (
        "主办部门只能写一个，这里写了“{value}”，看不出谁主办。请把其中一个留作主办，其余写到“会办部门”。",
        "Only one department leads, but '{value}' is given: which one leads is not said. Keep one as the lead "
        "and move the others to the other-departments column.",
    ),
    "incoming-read-before-received": (
        "{value} 的阅文日期早于收文日期 {received}，请核对日期。",
        "{value} read it before it was received ({received}): check the dates.",
    ),
    "incoming-number-format": (
        "有 {count} 个收文编号（如“{value}”）不是 sectools.toml 里 incoming_number 的写法（{format}），建议编号不会接着它们编。"
        "请把 incoming_number 改成本单位的写法。",
        "{count} {count|number does|numbers do} not follow incoming_number in sectools.toml ({format}), e.g. '{value}': "
        "the suggested numbers do not follow on from them. Set incoming_number to the office's own way.",
    ),
    "incoming-result-not-final": (
        "办理结果写的是“{value}”，还不是结果（办件须已落实、答复或批复），这份文件仍按未办结计。办完后请写明结果。",
        "The result says '{value}', which is not a result yet (carried out, answered or replied to): the document "
        "still counts as not finished. Write the result when it is done.",
    ),
    "incoming-date-ahead": (
        "日期 {value} 在今天（{today}）之后，请核对（没写年份的日期会按本学期补年份）。",
        "The date {value} is after today ({today}): check it (a date typed without a year takes the semester's).",
    ),
    "incoming-due-before-received": (
        "办理时限 {value} 早于收文日期 {received}，请核对。",
        "The due date {value} is before the document was received ({received}): check it.",
    ),
    "incoming-number-ambiguous": (
        "收文编号“{value}”在收文登记里有 {count} 份（第 {rows} 行），看不出是哪一份。请改正重复的编号，或用 --row 指定行。",
        "The number '{value}' is on {count} documents (rows {rows}), so which one is meant cannot be told. Correct "
        "the duplicate, or give --row.",
    ),
    "documents-have-errors": (
        "收文登记有 {count} 个错误（第一个：{first}），按它发出的催办或表单可能写错文件。请先改正（sectools documents 列出全部），"
        "或加 --force。",
        "The register has {count} {count|error|errors} (the first: {first}); a reminder or form made from it may name "
        "the wrong documents. Correct them first (sectools documents lists them all), or add --force.",
    ),
    "incoming-not-found": (
        "收文登记里找不到 {value}。请写收文编号（如 收〔2026〕3号，或只写序号 3），或登记表里那一行的行号。",
        "The register has no document {value}. Give its number (or just its sequence number) or its row in the "
        "register.",
    ),
    "incoming-nothing-new": (
        "每份收文都已有拟办意见或领导批示，没有新收的文件。要打印某一份的文书处理单，请写它的收文编号。",
        "Every document already has a proposal or an instruction: none is newly received. To print a document's "
        "form, give its number.",
    ),
    # 爱心基金
    "fund-both": (
        "这一行收入、支出都写了（{value}）：一行只记一笔。请分成两行。",
        "Both income and expense are written ({value}): one line holds one amount. Split it into two lines.",
    ),
    "fund-no-amount": (
        "这一行没有金额：收入、支出都空着。请填写金额（收入或支出）。",
        "This line has no amount: both income and expense are blank. Enter the amount.",
    ),
    "fund-no-approval": (
        "这笔支出没有审批人：爱心基金专款专用，每笔支出须经审批。请补上审批人。",
        "This payment has no approver: every payment from the fund needs one. Add the approver.",
    ),
    "fund-no-voucher": (
        "这笔支出没有凭证号，无法对账。请补上凭证号（收据、发票或领款单的编号）。",
        "This payment has no voucher number, so it cannot be reconciled. Add the receipt's or voucher's number.",
    ),
    "fund-no-beneficiary": (
        "这笔资助没有写资助对象。请补上资助对象。",
        "This aid payment names no beneficiary. Add who received it.",
    ),
    "fund-overdraft": (
        "支出 {value} 元超过了当时的余额 {balance} 元：爱心基金不能透支，这笔支出不可能照此付出，没有计入余额和合计。"
        "请核对金额、日期，或补记此前的收入。",
        "A payment of {value} exceeds the balance of {balance} at the time: the fund cannot be overdrawn, so it "
        "cannot have been paid as written and is left out of the balance and the totals. Check the amount and the "
        "date, or record the income before it.",
    ),
    "fund-duplicate-voucher": (
        "凭证号“{value}”已在 {other} 用过。同一张凭证不能记两次，请核对。",
        "The voucher '{value}' is already used at {other}: one voucher is recorded once. Check it.",
    ),
    "fund-balance-differs": (
        "表上的余额 {value} 元与逐笔算出的 {balance} 元不符（之后还有 {more} 行不符）：可能是这一行或之前某一行的加减算错，或漏记了一笔。请核对。",
        "The balance kept here, {value}, differs from the {balance} worked out line by line ({more} later "
        "{more|line differs|lines differ} too): a sum typed wrong here or above, or a line missing. Check it.",
    ),
    "fund-carry-mismatch": (
        "这一行结转 {value} 元，但账上此时的余额是 {balance} 元。结转行不另计入余额（钱没有变多）；请核对结转金额。",
        "This line carries {value} forward, but the ledger's balance at that point is {balance}. A carried balance "
        "is not added again (no money came in); check the amount.",
    ),
    "fund-other-sheets": (
        "爱心基金工作簿里还有工作表“{value}”看起来也是收支明细，没有读取（只读了“{sheet}”）。请把收支记在一张表上（按日期接着记），"
        "或在 sectools.toml 的 [tables.fund] 写 sheet = 要读的那张。",
        "The fund's workbook has other sheets that look like ledgers too ({value}); only '{sheet}' was read. Keep "
        "one ledger sheet (continue it by date), or name the sheet to read in sectools.toml.",
    ),
    "fund-nothing-to-publish": (
        "{value} 没有一笔收支，不生成公示。请检查学期，或收支是否记在别的工作表里。",
        "{value} has no income or payment at all, so no statement is made. Check the semester, or whether the "
        "lines are kept on another sheet.",
    ),
    "fund-bad-semester": (
        "“{value}”不是学期。请写 2026春、2026秋、2026年春季学期、2026-2027学年第一学期、“本学期”或“上学期”。",
        "'{value}' is not a semester. Write the year and the season, e.g. 2026spring or 2026autumn, or leave it "
        "out for this semester.",
    ),
    "fund-period-empty": (
        "{value}（{start} 至 {end}）没有收支记录。",
        "No income or payment in {value} ({start} to {end}).",
    ),
    "fund-has-errors": (
        "爱心基金账到本学期末有 {count} 个错误（第一个：{first}），按它公示可能写错或漏掉金额。请先改正（sectools check 列出全部，"
        "包括以前学期的），或加 --force。",
        "The fund's ledger has {count} {count|error|errors} (the first: {first}); a 公示 made from it would show "
        "wrong figures. Correct them first (sectools check lists them all, earlier semesters' too), or add --force.",
    ),
    # 办公用品
    "supplies-amount-mismatch": (
        "金额 {value} 元不等于 数量 {quantity} × 单价 {price} = {worked} 元（四舍五入到分）。按金额列（发票上的）计入；请核对数量、单价或金额。",
        "The amount {value} is not quantity {quantity} × unit price {price} = {worked} (rounded to the fen). The "
        "amount written (the invoice's) is counted; check the quantity, the price or the amount.",
    ),
    "supplies-no-cost-column": (
        "采购登记既没有“金额”列，也没有“单价”列（至少要有一列），每笔采购都会算成 0 元，所以没有计算。请加上金额或单价列"
        "（表头可写 金额、总价、合计、单价）。",
        "The purchases have neither an amount column nor a unit-price column (one at least is needed): every "
        "purchase would cost nothing, so nothing is worked out. Add one of them.",
    ),
    "supplies-bad-quantity": (
        "数量“{value}”不对：采购和领用的数量都要大于 0，这一行没有计入库存。退货或归还请在备注里写明并改正原来那一行。",
        "The quantity '{value}' is not above zero, so the line is not counted in stock. For a return, correct the "
        "original line and say so in the note.",
    ),
    "supplies-future-date": (
        "日期 {value} 还没到（今天 {today}）：可能是年份写错了（没写年份的日期按学期所在的年份读）。请写上完整的年份。",
        "The date {value} is still to come (today is {today}): the year may be wrong (a date without a year takes "
        "the semester's). Write the full date.",
    ),
    "supplies-no-cost": (
        "这笔采购没有金额，也没有单价，花了多少不知道，没有计入预算执行。请填写金额或单价。",
        "This purchase has neither an amount nor a unit price, so its cost is unknown and it is not counted "
        "against the budget. Enter the amount or the unit price.",
    ),
    "supplies-no-approval": (
        "这笔采购没有审批人：办公用品采购须经审批，财务不予报销。请补上审批人。",
        "This purchase has no approver: purchases need one, and finance will not reimburse it. Add the approver.",
    ),
    "supplies-no-invoice": (
        "这笔采购没有发票号，无法报销，也无法查重。请补上发票号。",
        "This purchase has no invoice number: it cannot be reimbursed or checked for duplicates. Add it.",
    ),
    "supplies-duplicate-invoice": (
        "发票号“{value}”已在 {other} 登记过（不是同一天同一张发票上的不同物品）：同一张发票不能报销两次，这一行没有计入支出和报销。"
        "请核对，删去重复的一行；若是另一张发票，请改正发票号。",
        "The invoice '{value}' is already entered at {other} (not another item of one invoice of the same day): "
        "an invoice is reimbursed once, so this line is not counted in spending or claims. Remove the repeated line, "
        "or correct the number if it is another invoice.",
    ),
    "supplies-no-account": (
        "这笔采购没有写科目，无法对照预算，列在“未列科目”下。请写上预算表里的科目。",
        "This purchase names no account, so it cannot be set against the budget; it is listed as having none. "
        "Give an account of the budget.",
    ),
    "supplies-unbudgeted": (
        "科目“{value}”不在 {year} 的预算里：这笔支出没有预算，单独列出。请改成预算里的科目，或在预算表中加上这个科目。",
        "The account '{value}' is not in the {year} budget: this spending has no budget and is listed apart. Use "
        "an account of the budget, or add it to the budget.",
    ),
    "supplies-unknown-item": (
        "领用的“{value}”在采购登记里没有（也不是期初库存），领用没有计入。请核对物品名称；若是登记前就有的库存，请在采购登记加一行，科目写“期初库存”。",
        "'{value}' was never bought (nor is it opening stock), so this issue is not counted. Check the item's name; "
        "if it was in stock before the register began, add a purchase line with the account 'opening stock'.",
    ),
    "supplies-unknown-item-near": (
        "领用的“{value}”在采购登记里没有，领用没有计入。是不是“{near}”？请把名称写成一样的。",
        "'{value}' was never bought, so this issue is not counted. Is it '{near}'? Write the name the same way.",
    ),
    "supplies-short": (
        "领用 {value} 超过了当时“{item}”的库存 {left}：库存不能为负，这次领用没有计入。请核对数量、日期，或补记采购（或期初库存）。",
        "Issuing {value} exceeds the {left} of '{item}' in stock at the time: stock cannot go below zero, so this "
        "issue is not counted. Check the quantity and the date, or record the purchase (or the opening stock).",
    ),
    "supplies-unknown-department": (
        "领用部门“{value}”不在 sectools.toml 的部门名单里（{known}），领用月报照写。请核对部门名称。",
        "The department '{value}' is not one of the office's ({known}); the monthly report shows it as written. "
        "Check the name.",
    ),
    "supplies-over-budget": (
        "{year}“{account}”已支出 {spent} 元，超出预算 {budget} 元（超支 {over} 元）。",
        "{year}: '{account}' has spent {spent}, over its budget of {budget} by {over}.",
    ),
    "supplies-budget-warning": (
        "{year}“{account}”已支出 {spent} 元，占预算 {budget} 元的 {share}（预警线 {warn}）。",
        "{year}: '{account}' has spent {spent}, {share} of its budget of {budget} (warning from {warn}).",
    ),
    "supplies-bad-year": (
        "年度“{value}”看不懂，这一行预算没有读取。请写 2026、2026年度 或 2025-2026学年。",
        "The year '{value}' cannot be read, so this budget line is left out. Write 2026 or 2025-2026.",
    ),
    "supplies-budget-twice": (
        "科目“{value}”在这一年度已有预算（{other}）：只按第一行计。若是追加预算，请加到那一行的金额里。",
        "The account '{value}' already has a budget for this year ({other}); only the first line counts. For a "
        "supplement, add it to that line's amount.",
    ),
    "supplies-bad-year-option": (
        "“{value}”不是年度。请写 2026、2026年度 或 2025-2026学年。",
        "'{value}' is not a year. Write 2026 or 2025-2026.",
    ),
    "supplies-no-budget": (
        "没有 {value} 的预算，支出无法对照预算（全部列为无预算）。请在办公用品.xlsx 的“预算”表写上年度、科目、预算金额。",
        "There is no budget for {value}, so spending cannot be set against it (all shown as unbudgeted). Add the "
        "year, account and amount to the budget sheet.",
    ),
    "supplies-year-empty": (
        "{value}（{start} 至 {end}）没有采购或领用记录。",
        "No purchase or issue in {value} ({start} to {end}).",
    ),
    "supplies-nothing-to-claim": (
        "{value} 没有待报销的采购（没有采购记录，或报销状态都是“已报销”），不生成报销汇总表。",
        "Nothing of {value} is left to reimburse (no purchase, or every one marked reimbursed), so no claim form is "
        "made.",
    ),
    "supplies-claims-have-errors": (
        "待报销的采购有 {count} 个错误（第一个：{first}），照此报销可能多报或报错金额。请先改正（sectools supplies 列出全部），或加 --force。",
        "The purchases to be reimbursed have {count} {count|error|errors} (the first: {first}); a claim made from "
        "them may be wrong. Correct them first (sectools supplies lists them all), or add --force.",
    ),
    # 纳新
    "intake-too-few-to-standardise": (
        "面试官{value}只面试了 {count} 人（少于 {min} 人），无法标准化，按原始分计入。",
        "Interviewer {value} scored only {count} {count|applicant|applicants} (fewer than {min}), so their scores "
        "are not standardised: the raw scores count.",
    ),
    "intake-criterion-missing": (
        "{value} 没有“{criteria}”的分数，按其余各项的权重计算总分。请补上分数，或确认这一项不评。",
        "{value} has no score for {criteria}; the total is weighted over the other criteria. Add the score, or "
        "confirm it is not assessed.",
    ),
    "intake-unknown-department": (
        "志愿“{value}”不是本办公室的部门（{known}），不按这个志愿录用。请核对部门名称。",
        "'{value}' is not one of the office's departments ({known}), so no place is given by this choice. Check "
        "the name.",
    ),
    "intake-unknown-department-near": (
        "志愿“{value}”不是本办公室的部门，是不是“{near}”？这个志愿没有用上，可能因此少录了一人。请改正后再运行。",
        "'{value}' is not one of the office's departments — is it '{near}'? The choice is not used, and a place "
        "may be lost by it. Correct it and run again.",
    ),
    "intake-quota-unknown-department": (
        "[intake] quota 里的“{value}”不是本办公室的部门（{known}），这个名额不用。请改成部门名单里的名称。",
        "'{value}' in [intake] quota is none of the office's departments ({known}); its places are not given. Use "
        "a department of the office.",
    ),
    "intake-decision-too-many": (
        "{value}并列待定只有 {places} 个名额，录用决定却写了 {names} 都录用。请只给名额内的人写“录用”。",
        "{value} has {places} {places|place|places} for its tie, but the decision admits {names}. Admit no more "
        "than the places.",
    ),
    "intake-tie-pending": (
        "{value}最后的名额有 {count} 人并列（{names}），由办公室决定：在报名表的“录用决定”一列写 录用 或 不录用，再运行。",
        "{count} applicants tie for {value}'s last places ({names}): the office decides (admit or decline in the "
        "decision column), then runs it again.",
    ),
    "intake-member-not-added": (
        "{names} 已经在名册里，没有再加一行（名册里他们的部门、职务没有改）。请在新名册里手工调整。",
        "{names} {names|is|are} on the roster already, so no row was added (their department and post there are "
        "unchanged). Adjust them in the new roster by hand.",
    ),
    "intake-no-second-column": (
        "报名表里找不到“{column}”一列（可写 {aliases}），{what}都没有用上。请检查表头。",
        "The applications have no '{column}' column ({aliases}), so no {what} is used. Check the header.",
    ),
    "intake-no-quota": (
        "“{value}”这次没有录用名额（sectools.toml 的 [intake.quota] 没有写它），不按这个志愿录用。要招人请写上名额。",
        "'{value}' has no places this time (not in [intake.quota] of sectools.toml), so no place is given by this "
        "choice. Give it a quota to recruit.",
    ),
    "intake-applied-twice": (
        "学号 {value} 报名了两次（另一次在 {other}），以后一次为准。请删去不要的一行。",
        "Student {value} applied twice (the other at {other}); the later one counts. Remove the one not wanted.",
    ),
    "intake-not-an-applicant": (
        "面试评分里的“{value}”不在报名表里，这一行没有计入。请核对姓名或学号，或把他补进报名表。",
        "'{value}' in the interview scores did not apply, so this row is not counted. Check the name or the "
        "student number, or add the application.",
    ),
    "intake-name-differs": (
        "学号 {id} 在报名表里是“{name}”，这里写的是“{value}”，这一行没有计入。请核对。",
        "Student number {id} is '{name}' in the applications, but '{value}' here; this row is not counted. Check it.",
    ),
    "intake-same-name": (
        "报名表里有两个“{value}”（学号 {ids}），不知道这一行是哪一位，没有计入。请在面试评分表加一列学号。",
        "Two applicants are called '{value}' ({ids}); which one this row scores is not guessed and it is not "
        "counted. Add a student-number column to the interview scores.",
    ),
    "intake-scored-twice": (
        "面试官{value}对这位申请人评了两次（另一次在 {other}），只计第一次。请删去重复的一行。",
        "Interviewer {value} scored this applicant twice (the other at {other}); only the first counts. Remove the "
        "repeated row.",
    ),
    "intake-score-out-of-range": (
        "分数 {value} 不在 0 到满分 {full} 之间，没有计入。请核对（满分在 sectools.toml 的 [intake] full_marks）。",
        "The score {value} is not between 0 and the full {full}, so it is not counted. Check it (full marks: "
        "[intake] full_marks in sectools.toml).",
    ),
    "intake-no-quota-set": (
        "还没有录用名额：请把 sectools.toml 里 [intake] 下的 quota = {{  }} 改成各部门的名额，如\nquota = {{ \"秘书处\" = 3, \"宣传部\" = 4 }}\n（部门名加英文引号；本办公室的部门：{departments}）",
        "No places are set: change quota = {{  }} under [intake] of sectools.toml to each department's places:\nquota = {{ \"<department>\" = 3 }}\n"
        "(the names in double quotes; the departments: {departments})",
    ),
    "intake-already-member": (
        "{value}（学号 {id}）已经在名册里了。请确认是否重复报名。",
        "{value} ({id}) is already on the roster. Check whether this application is meant.",
    ),
    "intake-decision-not-a-tie": (
        "{value} 的录用决定写了“录用”，但他不在并列待定之列：录用决定只用来决定并列，没有改变结果。",
        "{value}'s decision says admit, but they are in no tie: the decision only settles a tie and changes "
        "nothing here.",
    ),
    "intake-ties-pending": (
        "还有 {count} 人并列待定（{names}）：分数相同、名额不够，请办公室决定后在报名表的“录用决定”一列写 录用 或 不录用，再生成；或加 --force。",
        "{count} {count|applicant is|applicants are} tied for the last places ({names}): the office decides, writes "
        "admit or decline in the applications' decision column, and runs it again; or add --force.",
    ),
    "intake-has-errors": (
        "面试评分有 {count} 个错误（第一个：{first}），按它录用可能漏掉或错算了分数。请先改正（sectools intake 列出全部），或加 --force。",
        "The scores have {count} {count|error|errors} (the first: {first}); an admission list made from them may "
        "be wrong. Correct them first (sectools intake lists them all), or add --force.",
    ),
    "intake-nobody-admitted": (
        "没有人被录用（没有面试分数，或没有名额），不生成。",
        "Nobody is admitted (no interview scores, or no places), so nothing is made.",
    ),
    # 档案
    "archive-needs-folder": (
        "名册存档在办公室文件夹里：请在“sectools设置”表写上“办公室文件夹”，再点一次。",
        "The archive is kept in the office folder: name the office folder in the settings sheet, then press it again.",
    ),
    "archive-nothing-yet": (
        "还没有名册存档：每学期用 sectools archive snapshot 存一次，之后才能比对。",
        "Nothing is archived yet: take a snapshot each semester (sectools archive snapshot) to compare with.",
    ),
    "archive-no-semester": (
        "sectools.toml 里没有本学期的日期，请用 --semester 写明是哪个学期（如 2026春）。",
        "sectools.toml gives no semester: name it with --semester (e.g. 2026spring).",
    ),
    "archive-exists": (
        "{value} 的名册已经存档（{file}）。存档不随名册改动；确要重新存档，请加 --replace（原存档保留为 .prev）。",
        "{value} is already archived ({file}); an archive does not follow later edits. To take it again, add "
        "--replace (the old one is kept as .prev).",
    ),
    "archive-tampered": (
        "{value} 的名册存档（{file}）与存档时不符（校验值，或与存下的名册副本）：存档后被改动过，不能使用。请查明是谁改的；"
        "存档时打印的存档核验码可以对照，上一版（若有）在 snapshot.json.prev。",
        "The archive of {value} ({file}) no longer matches what was sealed (its hash, or the roster copy kept with "
        "it): it was changed since and is not used. Find out who changed it; compare the archive code printed when it "
        "was taken; the version before, if any, is snapshot.json.prev.",
    ),
    "archive-missing": (
        "{value} 还没有存档（已存档的学期：{have}）。请在那个学期用 sectools archive snapshot 存档，或写“现在”比对当前名册。",
        "{value} is not archived (archived: {have}). Take a snapshot in that semester, or compare with now (the "
        "roster as it stands).",
    ),
    "archive-no-member": (
        "在各学期存档和当前名册里都找不到“{value}”（查过：{semesters}）。请写学号，或核对姓名。",
        "'{value}' is in no archive and not on the roster ({semesters}). Give the student number, or check the name.",
    ),
    "archive-same-name": (
        "“{value}”有不止一人（学号 {ids}），不知道要查哪一位。请写学号。",
        "More than one member is called '{value}' ({ids}); which one is not guessed. Give the student number.",
    ),
    "archive-action-unsure": (
        "{value} 的“{action}”还不确定（有签到记录没能读取），没有写进新名册。请先改好签到表。",
        "{value}'s '{action}' is not certain yet (some sign-ins could not be read), so it is not written into the "
        "new roster. Correct the sign-ins first.",
    ),
    # 大事记
    "diary-left-out": (
        "{value}部分未能读取，没有记入大事记（原因见上一条）。改正后重新运行即可。",
        "The {value} part could not be read and is left out of the diary (see the problem above). Run it again once "
        "corrected.",
    ),
    "diary-empty-outside": (
        "{value} 还没有可记载的事项；这个月也不在本学期（{start} 至 {end}）里。要记本学期的某个月，请加 --month（如 --month "
        "2026-03）。",
        "Nothing to record for {value}, which is not in the semester ({start} to {end}). For one of its months, add "
        "--month (e.g. --month 2026-03).",
    ),
    "diary-empty": (
        "{value} 还没有可记载的事项：没有开过的会议、印发的通知、收文、完成的督办事项，大事记表里也没有这个月的记录。",
        "Nothing to record for {value} yet: no meeting held, notice issued, document received or task done, and "
        "nothing in the diary table for that month.",
    ),
    # 督办
    "tasks-none": (
        "没有可督办的事项：督办台账、议定事项、收文登记的办件都没有找到（找过：{places}）。请在办公室文件夹里建督办台账"
        "（sectools init 会建一张空表），或在议定事项里登记会议的决定。",
        "Nothing to supervise: no task register, no decisions and no document for action were found (looked for: "
        "{places}). Start a task register in the office folder (sectools init makes a blank one), or record the "
        "meetings' decisions.",
    ),
    "tasks-have-errors": (
        "督办的来源有 {count} 个错误（第一个：{first}），按它发出的通报或催办可能写错事项。请先改正（sectools tasks 列出全部），"
        "或加 --force。",
        "The tasks' sources have {count} {count|error|errors} (the first: {first}); a report or reminder made from "
        "them may name the wrong tasks. Correct them first (sectools tasks lists them all), or add --force.",
    ),
    "task-duplicate-number": (
        "督办编号“{value}”已在 {other} 用过。一个编号只能对应一件事，请改正其中一个。",
        "The task number '{value}' is already used at {other}. Each task needs its own number: change one.",
    ),
    "task-duplicate-source": (
        "这一行和 {other} 都跟进同一件事（{label}），看不出以哪一行为准。请合并成一行。",
        "This row and {other} both follow up the same task ({label}), so which one counts cannot be told. Merge "
        "them into one row.",
    ),
    "task-source-ambiguous": (
        "“{value}”对得上 {count} 件事（议定事项或收文），看不出是哪一件，这一行按单独的事项计。请在来源里写明会议日期和"
        "第几项，或收文编号。",
        "'{value}' matches {count} decisions or documents, so which one is meant cannot be told; the row counts as "
        "a task of its own. Give the meeting's date and the item number, or the document's number.",
    ),
    "task-source-not-found": (
        "来源“{value}”说的会议决定在议定事项里找不到，这一行按单独的事项计。请核对会议日期、名称和第几项（督办通报的"
        "“来源”列可以直接复制）。",
        "The decision '{value}' names cannot be found among the recorded decisions; the row counts as a task of "
        "its own. Check the meeting's date, name and item number (the report's source column can be copied).",
    ),
    "task-owner-unplaced": (
        "负责人“{value}”不在名册里，也不是部门名称，看不出哪个部门主办，无法催办。请填写主办部门。",
        "The person responsible, '{value}', is neither in the roster nor a department, so no department leads it "
        "and nobody can be chased. Fill in the lead department.",
    ),
    "task-owner-ambiguous": (
        "名册里有不止一个“{value}”，分属不同部门，看不出哪个部门主办。请填写主办部门。",
        "More than one '{value}' is in the roster, in different departments, so which department leads cannot "
        "be told. Fill in the lead department.",
    ),
    "task-several-leads": (
        "主办部门只能写一个，这里写了“{value}”，看不出谁主办，无法催办。请把其中一个留作主办，其余写到“会办部门”。",
        "Only one department leads, but '{value}' is given: which one leads is not said and nobody can be chased. "
        "Keep one as the lead and move the others to the other-departments column.",
    ),
    "task-unknown-department": (
        "“{value}”不是本单位的部门（sectools.toml 里的部门：{allowed}）。请核对部门名称。",
        "'{value}' is not one of the office's departments ({allowed}). Check the department's name.",
    ),
    "task-no-title": (
        "这一行没有写事项，也没有对上议定事项或收文。请填写事项。",
        "This row has no task written and follows up no decision or document. Fill in the task.",
    ),
    "task-no-lead": (
        "这件事没有主办部门，无法催办。请填写主办部门。",
        "This task has no lead department, so nobody can be chased. Fill in the lead department.",
    ),
    "task-no-due": (
        "这件事没有完成时限，看不出是否逾期，按“待核实”列出。请填写完成时限。",
        "This task has no due date, so whether it is overdue cannot be told; it is listed as to be checked. Fill "
        "in the due date.",
    ),
    "task-date-ahead": (
        "日期 {value} 在今天（{today}）之后，请核对（没写年份的日期会按本学期补年份）。",
        "The date {value} is after today ({today}): check it (a date typed without a year takes the semester's).",
    ),
    "task-due-before-assigned": (
        "完成时限 {value} 早于交办日期 {assigned}，请核对。",
        "The due date {value} is before the task was assigned ({assigned}): check it.",
    ),
    "task-done-but-open": (
        "状态写的是“{value}”，却有完成日期 {date}，看不出是否已完成，按“待核实”列出。请改正状态或完成日期。",
        "The status says '{value}' but a finishing date ({date}) is given, so whether it is done cannot be told; it "
        "is listed as to be checked. Correct the status or the date.",
    ),
    "task-source-doc-not-found": (
        "来源“{value}”像是一份收文，但收文登记里没有这个编号，这一行按单独的事项计。请核对收文编号（督办通报的“事项来源”列可以直接复制）。",
        "The source '{value}' looks like an incoming document, but the register has no such number; the row counts "
        "as a task of its own. Check the number (the report's source column can be copied).",
    ),
    "tasks-after-semester": (
        "今天（{today}）已在学期结束（{end}）之后：未办结事项的逾期天数一直算到今天（假期里的工作日也算）。要看学期末的情况，"
        "请加 --date {end}。",
        "Today ({today}) is after the semester's end ({end}): an unfinished task's overdue days run to today (through "
        "the vacation's working days). For the state at the semester's end, add --date {end}.",
    ),
    "task-done-undated": (
        "已完成，但没有完成日期（进展里也没有带日期的记录），看不出是否按时完成，按“待核实”列出。请填写完成日期"
        "（办结日期）。",
        "Done, but with no finishing date (and no dated progress entry), so whether it was on time cannot be told; it "
        "is listed as to be checked. Fill in the finishing date.",
    ),
    "task-extension-missing": (
        "状态写的是“{value}”，但没有登记延期申请（延期至、申请日期、批准），完成时限不变。",
        "The status says '{value}' but no extension is recorded (new date, date asked, approval): the due date "
        "stays as it was.",
    ),
    "task-extension-no-date": (
        "登记了延期申请，但没写延期至哪一天，完成时限不变。请填写“延期至”。",
        "An extension is recorded without the new date, so the due date stays as it was. Fill in the new date.",
    ),
    "task-extension-not-later": (
        "延期至 {value} 不晚于原完成时限 {due}，不是延期。请核对日期。",
        "The new date {value} is not after the due date {due}, so it is no extension. Check the dates.",
    ),
    "task-extension-undated": (
        "申请延期至 {to}，但没写申请日期，看不出是否在完成时限前提出，延期不计，仍按原时限。请填写延期申请日期。",
        "An extension to {to} is recorded without the date it was asked for, so whether it came before the due "
        "date cannot be told: it does not count and the old due date stands. Fill in the date it was asked for.",
    ),
    "task-extension-late": (
        "延期申请日期 {value} 已过完成时限 {due}：延期须在到期前申请，这次延期不计，仍按原时限（已逾期）。",
        "The extension was asked for on {value}, after the due date {due}: an extension must be asked for before "
        "the due date, so it does not count and the old due date stands (overdue).",
    ),
    "task-extension-pending": (
        "申请延期至 {to}，还没有批准，暂按原完成时限计。批准后请在“延期批准”写“同意”。",
        "An extension to {to} has been asked for but not approved yet: the old due date stands. Once approved, "
        "mark it approved in the approval column.",
    ),
    "task-extension-no-reason": (
        "延期已批准，但没写延期理由。请补写理由（延期须说明理由）。",
        "The extension is approved but no reason is written. Add the reason (an extension must give one).",
    ),
    # 用印登记
    "seal-month-empty": ("{value} 没有用印记录。", "No seal was used in {value}."),
    "seal-row-not-found": (
        "用印登记里没有第 {value} 行的记录（有记录的行：{rows}）。请写登记表里那一条的行号。",
        "The register has no use on row {value} (rows with uses: {rows}). Give the row number of the use in "
        "the register.",
    ),
    "seal-nothing-pending": (
        "用印登记里每一条都已有审批人，没有待审批的用印。要重新打印某一条的审批单，请用 --row 行号。",
        "Every use in the register has an approver: none awaits approval. To print a use's form again, give "
        "--row ROW.",
    ),
    "seal-unknown": (
        "印章“{value}”不在印章表里（有：{known}），无法按它的审批权限和状态检查这次用印。请改成印章表里的名称，或先在印章表登记这枚印章。",
        "The seal '{value}' is not in the seals table (it has: {known}), so this use cannot be checked against "
        "its approvers and state. Use a name from the seals table, or register the seal there first.",
    ),
    "seal-no-approval": (
        "这次用印（{date}）没有审批人签批：用印须经有权审批的人签字后方可盖章。请补上审批人和审批日期，或说明情况。",
        "This use ({date}) has no approver: a seal is used only after an authorised person has signed. Fill in "
        "the approver and the date, or explain.",
    ),
    "seal-approved-after-use": (
        "审批日期 {value} 晚于用印日期 {date}：先盖章后审批，违反印章管理制度。",
        "Approved on {value}, after the seal was used on {date}: stamped before approval, against the rules.",
    ),
    "seal-not-authorised": (
        "审批人“{value}”无权批准使用“{seal}”（有权审批：{allowed}）。",
        "'{value}' may not approve uses of '{seal}' (who may: {allowed}).",
    ),
    "seal-money-not-authorised": (
        "这次用印涉及合同或财物，须由 {allowed} 签批，审批人“{value}”无此权限。",
        "This use concerns a contract or money and needs the approval of {allowed}; '{value}' may not give it.",
    ),
    "seal-not-in-use": (
        "印章“{value}”这一天不在使用中（状态：{state}；启用 {since}，停用 {until}），不得用印。",
        "The seal '{value}' was not in use that day (state: {state}; in use from {since}, out of use from "
        "{until}) and may not be used.",
    ),
    "seal-blank-paper": (
        "文件名称“{value}”说明是在空白纸张上盖章，印章管理制度不允许。",
        "'{value}' says the seal was put on blank paper, which the rules forbid.",
    ),
    "seal-approver-unknown": (
        "审批人“{value}”看不出是谁：不是名册里的姓名，也没有写职务（有权审批：{allowed}），无法核实是否有权批准，这次用印待核实。"
        "请写成“职务 姓名”，如“主席 张三”。",
        "Cannot tell who '{value}' is: not a name in the roster and no post given (who may approve: {allowed}), "
        "so whether they may approve cannot be checked; the use is to be checked. Write the post before the "
        "name.",
    ),
    "seal-approver-shared-name": (
        "审批人“{value}”在名册中有同名的人，看不出是哪一位，无法核实权限，这次用印待核实。请在姓名前写上职务。",
        "More than one roster member is called '{value}', so who approved, and whether they may, cannot be "
        "told; the use is to be checked. Write the post before the name.",
    ),
    "seal-approval-undated": (
        "有审批人但没有审批日期，看不出是否先审批后用印，这次用印待核实。请补上审批日期。",
        "There is an approver but no approval date, so whether approval came before the stamp cannot be told; "
        "the use is to be checked. Fill in the approval date.",
    ),
    "seal-money-unstated": (
        "“{document}”看起来涉及合同或财物，但“涉及合同或财物”没有填写，无法判断是否须由更高一级签批，这次用印待核实。请填“是”或“否”。",
        "'{document}' reads like a contract or a money matter but the contract-or-money column is blank, so "
        "whether it needed a higher approval cannot be told; the use is to be checked. Fill in yes or no.",
    ),
    "seal-approvers-key-unknown": (
        "sectools.toml 的 [seals] approvers 里的“{value}”既不是印章类型，也不是印章表里的印章（可写：{allowed}）。是不是写错了？",
        "'{value}' under [seals] approvers in sectools.toml is neither a seal type nor a seal of the seals table "
        "(allowed: {allowed}). Is it misspelt?",
    ),
    "seal-kind-not-in-settings": (
        "印章“{seal}”的类型是“{value}”，但 sectools.toml 的 [seals] approvers 里没有这一类（有：{listed}），这枚印章也没写审批权限，"
        "它的用印无法核实权限。请在 sectools.toml 里补上“{value}”，或在印章表写审批权限。",
        "The seal '{seal}' is of type '{value}', which [seals] approvers in sectools.toml does not list (it lists: "
        "{listed}), and the seal has no approvers of its own, so its uses cannot be checked. Add '{value}' to "
        "sectools.toml, or give the seal's approvers in the seals table.",
    ),
    "seal-date-ahead": (
        "用印日期 {value} 在今天（{today}）一个多月以后。若登记的是“3月5日”这样没写年份的日期，sectools 按本学期补的年份可能不对，请写全年份。",
        "The date {value} is more than a month after today ({today}). If it was typed without a year (3月5日), "
        "the year taken from the semester may be wrong: write the full date.",
    ),
    "seal-approvers-unknown": (
        "印章“{seal}”没有类型，也没有在“审批权限”里写谁可以批准，它的用印无法核实权限。请填写类型（公章、专用章、手章）或审批权限。",
        "The seal '{seal}' has no type and no approvers of its own, so who may approve its uses is not known. "
        "Give its type (official, special or signature seal) or who may approve.",
    ),
    "file-empty": (
        "文件是空的（0 字节）。请在 Excel 中重新保存为 .xlsx。",
        "The file is empty (0 bytes). Save it again from Excel as .xlsx.",
    ),
    "not-a-workbook": (
        "这不是 Excel 工作簿（{detail}）。请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿 (*.xlsx)”。",
        "This is not an Excel workbook ({detail}). Open it in Excel or WPS and save it as "
        "'Excel Workbook (*.xlsx)'.",
    ),
    "corrupt-workbook": (
        "工作簿已损坏，无法读取（{detail}）。请在 Excel 中打开并修复，然后另存为 .xlsx。",
        "The workbook is damaged and cannot be read ({detail}). Open it in Excel, let Excel "
        "repair it, then save it as .xlsx.",
    ),
    "password-protected": (
        "工作簿设置了打开密码，sectools 无法读取。请在 Excel 中打开，“文件 › 信息 › 保护工作簿 › 用密码进行加密”里"
        "清除密码后保存。",
        "The workbook is password-protected, so sectools cannot read it. Open it in Excel, remove "
        "the password (File › Info › Protect Workbook › Encrypt with Password) and save.",
    ),
    "strict-ooxml": (
        "工作簿是“Strict Open XML”格式，无法读取。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”（不要选 Strict）。",
        "The workbook is in Strict Open XML format, which cannot be read. In Excel, save it as "
        "'Excel Workbook (*.xlsx)' (not the Strict variant).",
    ),
    "wps-format": (
        "这是 WPS 表格的 .et 文件。请在 WPS 中“文件 › 另存为”，选择“Excel 文件 (*.xlsx)”。",
        "This is a WPS Spreadsheets .et file. In WPS choose File › Save As › 'Excel file (*.xlsx)'.",
    ),
    "numbers-format": (
        "这是 Apple Numbers 文件。请在 Numbers 中“文件 › 导出到 › Excel”，保存为 .xlsx。",
        "This is an Apple Numbers file. In Numbers choose File › Export To › Excel and save as .xlsx.",
    ),
    "workbook-too-large": (
        "工作簿解压后过大（{detail}），超过上限 {limit}，为安全起见未读取。若文件确实正常，"
        "可在 sectools.toml 的 [limits] 中调高上限。",
        "The workbook expands to too much data ({detail}), over the limit of {limit}; it was not "
        "read, for safety. If the file is genuine, raise the limit under [limits] in sectools.toml.",
    ),
    "corrupt-document": (
        "这个 Word 文件打不开（{detail}），可能已损坏，或并不是 Word 文档（只是改了扩展名）。"
        "请在 Word 中打开它，另存为 .docx 后再放回来。",
        "This Word file cannot be opened ({detail}): it may be damaged, or not a Word document at all (only "
        "renamed). Open it in Word, save it as .docx and put it back.",
    ),
    "document-too-large": (
        "Word 文档过大（{detail}），超过上限 {limit}，为安全起见未读取。若文件确实正常，"
        "可在 sectools.toml 的 [limits] 中调高上限。",
        "The Word document is too large ({detail}), over the limit of {limit}; it was not read, for "
        "safety. If the file is genuine, raise the limit under [limits] in sectools.toml.",
    ),
    "sheet-too-costly": (
        "这张工作表太大，读取时{what}，为安全起见停止了。请删去不需要的行列后保存，或在 sectools.toml 的 [limits] 中调高上限。",
        "This sheet is too large: reading it {what}, so it was stopped for safety. Delete the rows and "
        "columns not needed, or raise the limit under [limits] in sectools.toml.",
    ),
    "too-many-cells": (
        "工作表有 {count} 个单元格，超过上限 {limit}，为安全起见未读取。可在 [limits] 的 max_cells 中调高。",
        "The sheet has {count} cells, over the limit of {limit}; it was not read, for safety. "
        "Raise max_cells under [limits] if it is genuine.",
    ),
    "sheet-extent-too-large": (
        "工作表的数据范围是 {extent}（约 {count} 个单元格），却几乎是空的，为安全起见未读取。"
        "远处（{far} 附近）有误输入的内容：请删除它（Ctrl+End 可跳到最后一个单元格）后保存。",
        "The sheet spans {extent} (about {count} cells) but is almost empty; it was not read, for "
        "safety. Something was typed far away (near {far}): delete it (Ctrl+End jumps there) and save.",
    ),
    "sheet-not-found": (
        "找不到工作表“{value}”。工作簿里有：{available}。请改正 sectools.toml 中的 sheet，或重命名工作表。",
        "There is no sheet '{value}'. The workbook has: {available}. Correct 'sheet' in "
        "sectools.toml, or rename the sheet.",
    ),
    "table-not-found": (
        "在工作簿里找不到{table}的表头（需要“{required}”等列）。请确认表头行写有这些列名。",
        "No header row of the {table} table was found (it needs columns such as '{required}'). "
        "Make sure the header row names these columns.",
    ),
    "signin-sheet-unread": (
        "这张表像是签到记录（有姓名/学号和日期/会议，{rows} 行），但找不到签到状态或签到时间这一列"
        "（可写作：{aliases}），所以一条也没有读。请把那一列的表头改成其中之一。",
        "This sheet looks like sign-ins (names or ids and dates or meetings, {rows} rows) but has no "
        "status or sign-in time column (accepted headers: {aliases}), so none of it was read. Rename that "
        "column's header to one of them.",
    ),
    "missing-column": (
        "{table}缺少必填列“{column}”（可写作：{aliases}）。请在表头行 {header_row} 加上这一列。",
        "The {table} table has no '{column}' column (accepted headers: {aliases}). Add it to "
        "header row {header_row}.",
    ),
    "duplicate-column": (
        "“{column}”列出现了两次（{cells}），只读取第一列。请删除或改名多余的一列。",
        "The '{column}' column appears twice ({cells}); only the first is read. Delete or rename "
        "the extra one.",
    ),
    "table-has-no-rows": (
        "{table}还没有数据（只有表头）。请先在这张表里填上数据再运行。",
        "The {table} table has no rows yet (only its header). Fill it in first, then run this again.",
    ),
    "meeting-in-past": (
        "“{value}”（{date}）已经开过了，不再发会议通知。要通知下一次会议，请先在会议表中登记；确需补发，请加 --date 写明成文日期，或加 --force。",
        "'{value}' ({date}) has already taken place, so no notice of it is made. Enter the next meeting in the "
        "meetings table first; to issue it anyway, give --date (the date of issue) or --force.",
    ),
    "sealed-rules-changed": (
        "{value} 周封单后，评分细则或 [ranking] 设置被改动过。封单周的计分依据不能再改；请恢复原来的细则，或请秘书长批准后由管理员处理。",
        "The scoring rules or the [ranking] settings were changed after week {value} was sealed. Restore them, "
        "or have the secretary-general approve a change made by an administrator.",
    ),
    "no-plans-in-month": (
        "{value} 还没有任何部门交来工作计划，排不出每周活动安排。请先把计划放进这个月的文件夹（或用 --month 选别的月份）。",
        "No department has handed in a plan for {value} yet, so there is no schedule to make. Put the plans in "
        "that month's folder first (or choose another month with --month).",
    ),
    "no-plan-months": (
        "计划总结文件夹里还没有任何月份的文件。请把各部门交来的文件放进 2026-03 这样的月份文件夹。",
        "The plans folder holds no month's files yet. Put the departments' files in a month folder such as "
        "2026-03 inside it.",
    ),
    "no-ratings-for-period": (
        "评分表里没有“{value}”的评分。评分表中有这些期间：{periods}。请用 --period 指定其中之一。",
        "The ratings table has no ratings for '{value}'. It has these periods: {periods}. Give one of them "
        "with --period.",
    ),
    "no-ratings": (
        "评分表里还没有任何评分，无法考核。请先在评分表中填写期间、学号、指标、评分人类别和分数。",
        "The ratings table holds no ratings yet, so there is nothing to appraise. Fill in period, id, indicator, "
        "rater group and score first.",
    ),
    "no-records-at-all": (
        "还没有任何检查记录。请各检查部门把记录放进检查记录文件夹（或工作簿）后再运行。",
        "There are no inspection records yet. Put the departments' records in the inspections folder (or "
        "workbook) first.",
    ),
    "empty-table": (
        "{table}只有表头，没有数据行。",
        "The {table} table has a header but no rows.",
    ),
    # ---- values -----------------------------------------------------------------------
    "missing-value": (
        "“{column}”不能为空。请填写后保存。",
        "'{column}' must not be empty. Fill it in and save.",
    ),
    "bad-date": (
        "“{column}”的值“{value}”不是日期。应写成 2026-03-02、2026/3/2、2026.3.2、2026年3月2日 或 3月2日。",
        "'{column}' holds '{value}', which is not a date. Write it as 2026-03-02, 2026/3/2, "
        "2026.3.2, 2026年3月2日 or 3月2日.",
    ),
    "date-outside-semester": (
        "“{column}”的日期 {value} 不在本学期（{start} 至 {end}）内，请核对年份或月份。",
        "'{column}' is {value}, outside the semester ({start} to {end}). Check the year and month.",
    ),
    "bad-time": (
        "“{column}”的值“{value}”不是时间。应写成 19:05、19:05:00 或 下午7:05。",
        "'{column}' holds '{value}', which is not a time. Write it as 19:05, 19:05:00 or 下午7:05.",
    ),
    "bad-datetime": (
        "“{column}”的值“{value}”不是带时间的日期。应是表单导出时的样子，如 2026/3/3 19:02:15 或 2026-03-03 19:02。",
        "'{column}' holds '{value}', which is not a date with a time. It should be as the form service exported "
        "it, e.g. 2026/3/3 19:02:15 or 2026-03-03 19:02.",
    ),
    "bad-number": (
        "“{column}”的值“{value}”不是数字。请只填写数字。",
        "'{column}' holds '{value}', which is not a number. Enter a number only.",
    ),
    "bad-money": (
        "“{column}”的值“{value}”不是金额。请只填写数字，如 1200 或 1,200.50（可带 ¥ 或“元”）。",
        "'{column}' holds '{value}', which is not an amount. Enter a number only, e.g. 1200 or 1,200.50.",
    ),
    "money-fraction": (
        "“{column}”的金额“{value}”比“分”还细，不知道该怎样取舍，这一行没有计入。请写到分（两位小数）。",
        "'{column}' holds '{value}', finer than a fen: how to round it is not guessed and the row is not counted. "
        "Write it to two decimals.",
    ),
    "money-negative": (
        "“{column}”的金额“{value}”是负数，这一行没有计入。金额都写正数：收入和支出分列的账，钱进来记“收入”、钱出去记“支出”"
        "（如退回多收的捐款记一笔支出）；退货、退款另记一行并在备注写明。",
        "'{column}' holds '{value}', a negative amount, so the line is not counted. Amounts are written as positive "
        "numbers: in a ledger, money in as income and money out as expense; a return or refund on a line of its own.",
    ),
    "bad-choice": (
        "“{column}”的值“{value}”不在可选范围内。可填写：{allowed}。",
        "'{column}' holds '{value}', which is not one of the allowed values: {allowed}.",
    ),
    "bad-id": (
        "“{column}”的值“{value}”不像编号（{detail}）。请把该列设为“文本”格式后重新输入。",
        "'{column}' holds '{value}', which does not look like an id ({detail}). Format the column "
        "as Text and type it again.",
    ),
    "id-precision-lost": (
        "“{column}”的值 {value} 是以数字保存的长编号，Excel 只保留 15 位有效数字，末尾几位可能已经丢失。"
        "请把该列设为“文本”格式，再重新输入完整编号。",
        "'{column}' holds {value}, a long id stored as a number; Excel keeps only 15 significant "
        "digits, so the last digits may be lost. Format the column as Text and type the full id again.",
    ),
    "duplicate-id": (
        "{column}“{value}”重复出现（另见 {other}）。每人的{column}应唯一，请删除重复行或改正编号。",
        "{column} '{value}' appears twice (see also {other}). Each person's {column} must be "
        "unique: delete the duplicate row or correct the id.",
    ),
    "ambiguous-name": (
        "姓名“{value}”对应多个{id_label}（{ids}）。只写姓名的记录无法确定是谁，请在这些记录里写上{id_label}。",
        "The name '{value}' belongs to several people ({ids}). Records that give only the name "
        "cannot be matched: add the {id_label} to them.",
    ),
    "unknown-department": (
        "部门“{value}”不在 sectools.toml 的部门列表（{allowed}）中。请改正部门名称，或在 [office] departments 中加上它。",
        "Department '{value}' is not in the department list in sectools.toml ({allowed}). Correct "
        "the name, or add it to [office] departments.",
    ),
    "dates-out-of-order": (
        "离任日期 {value} 早于入职日期 {joined}。请核对这两个日期。",
        "The leaving date {value} is before the joining date {joined}. Check both dates.",
    ),
    # ---- attendance ---------------------------------------------------------------------
    "unknown-member": (
        "这条记录里的“{value}”在名册中找不到（{detail}）。请核对学号或姓名，或先把此人加入名册。该记录未计入。",
        "'{value}' in this record is not in the roster ({detail}). Check the id or name, or add the person "
        "to the roster first. The record was not counted.",
    ),
    "shared-id-record": (
        "学号“{value}”在名册中有两行（{names}），这条记录写的姓名对不上其中唯一一人，无法确定是谁。该记录未计入。"
        "请先改正名册里重复的学号。",
        "Student id '{value}' is on more than one roster row ({names}) and the name in this record does not pick "
        "one of them, so it cannot be matched. The record was not counted. Correct the duplicate id in the "
        "roster first.",
    ),
    "ambiguous-member": (
        "姓名“{value}”在名册中有 {count} 人（同名），无法确定是谁。请在这条记录里写上学号。该记录未计入。",
        "{count} people in the roster are called '{value}', so this record cannot be matched. Add the "
        "student id to it. The record was not counted.",
    ),
    "member-mismatch": (
        "姓名“{value}”与名册中该学号的姓名“{roster_name}”不一致，已按学号计入。请核对。",
        "The name '{value}' differs from the roster's name for this id ('{roster_name}'); counted by id. "
        "Please check.",
    ),
    "missing-member": (
        "这条记录既没有学号也没有姓名，无法计入。请补上学号或姓名。",
        "This record has neither an id nor a name and was not counted. Add one.",
    ),
    "unknown-meeting": (
        "“{value}”在会议表中找不到对应的会议。请先在会议表里登记这次会议，或改正日期/会议名称。该记录未计入。",
        "No meeting in the meetings table matches '{value}'. Add the meeting to the meetings table or "
        "correct the date or name. The record was not counted.",
    ),
    "ledger-unknown-meeting": (
        "台账表头 {value} 在会议表中找不到对应的会议，这一列的 {count} 条签到未计入。请改正这个表头的日期，或在会议表里登记这次会议。",
        "The ledger heading {value} matches no meeting in the meetings table; the {count} sign-ins in this column "
        "were not counted. Correct the heading's date, or add the meeting to the meetings table.",
    ),
    "ledger-ambiguous-meeting": (
        "台账表头 {value} 这一天有 {count} 条签到，但会议表里这天有不止一次会议，无法确定是哪一次，未计入。"
        "请在表头写上会议名称，或把这些会议分到不同的台账。",
        "The ledger heading {value}: the meetings table has more than one meeting that day, so its {count} "
        "sign-ins could not be placed and were not counted. Name the meeting in the heading, or keep such "
        "meetings in separate ledgers.",
    ),
    "ledger-missing-meeting": (
        "台账表头没有日期或会议名称，这一列的 {count} 条签到未计入。",
        "A ledger heading has no date or meeting name; the {count} sign-ins in this column were not counted.",
    ),
    "ambiguous-meeting": (
        "“{value}”对应会议表中的 {count} 次会议，无法确定是哪一次。请同时写上日期和会议名称。该记录未计入。",
        "'{value}' matches {count} meetings in the meetings table. Give both the date and the meeting "
        "name. The record was not counted.",
    ),
    "meeting-name-mismatch": (
        "会议名称与会议表不一致，已按日期计入当天唯一的会议“{meeting}”。请核对。",
        "The meeting name differs from the meetings table; counted for that day's only meeting "
        "'{meeting}'. Please check.",
    ),
    "missing-meeting": (
        "这条记录既没有日期也没有会议名称，无法确定是哪次会议。请补上。",
        "This record has neither a date nor a meeting name. Add one.",
    ),
    "bad-status": (
        "考勤标记“{value}”无法识别。可用：{allowed}。",
        "The attendance mark '{value}' is not understood. Use: {allowed}.",
    ),
    "inspecting-departments-unknown": (
        "不知道哪些部门应交检查记录：检查记录里还没有任何记录，[ranking] departments 也没有写。请在 sectools.toml 里写上应交的部门，"
        "例如 departments = [\"生活部\", \"纪检部\"]。",
        "Which departments should hand in inspection records is unknown: there are no records yet and "
        "[ranking] departments is not set. List them in sectools.toml, e.g. departments = [\"Dorms\", \"Discipline\"].",
    ),
    "kpi-partial-attendance": (
        "考勤不完整：{count} 次会议没有签到记录（{meetings}），出勤类指标按已有记录计算，不生成考核结果通知。请先补录签到。",
        "Attendance is incomplete: {count} meetings have no sign-ins ({meetings}); the attendance indicators use "
        "the records there are, and no result notice is made. Enter their sign-ins first.",
    ),
    "kpi-ratings-incomplete": (
        "{value} 的评分还不全（{count} 人缺少某些评分人类别的评分：{names}），未生成考核结果通知：他们的总分会变，"
        "各人的排名、优秀名额和奖金也会跟着变。补齐评分后再生成，或加 --force。",
        "The {value} ratings are incomplete ({count} people lack some rater groups: {names}); no result notice was "
        "made: their totals will change, and with them everyone's ranks, the quota of top grades and the bonus. "
        "Complete the ratings, or add --force.",
    ),
    "kpi-no-data": (
        "{who}没有“{value}”的数据（来自{source}：未交或没有记录），{rule}。",
        "{who} has no data for '{value}' (from {source}: not handed in or no records); {rule}.",
    ),
    "bad-ledger-date": (
        "台账表头“{value}”不是一个有效日期，这一列的签到未读取。请改成真实日期或“3月3日”。",
        "The ledger heading '{value}' is not a valid date; this column's sign-ins were not read. Use a real date "
        "or 3月3日.",
    ),
    "ambiguous-ledger-date": (
        "台账表头是数字，可能是 {value}（Excel 会把“3.10”存成 3.1），前后列的日期也定不下来，这一列的签到未读取。"
        "请把这个表头改成真实日期或文字“3月10日”。",
        "The ledger heading is a number that could be {value} (Excel stores 3.10 as 3.1) and the columns around "
        "it do not decide; this column's sign-ins were not read. Make the heading a real date or the text 3月10日.",
    ),
    "ledger-week-needs-start": (
        "台账按“第几周 + 星期几”排列，但 sectools.toml 没有 [office] semester_start，无法算出日期。请填写学期第一天。",
        "The ledger is headed by teaching week and weekday, but sectools.toml has no [office] semester_start, so "
        "the dates cannot be worked out. Set the semester's first day.",
    ),
    "ledger-week-mismatch": (
        "台账表头日期 {value} 在第{actual}周，上面的周次写的是第{week}周。已按日期计入；请核对周次或日期。",
        "The ledger date {value} is in week {actual}, but the week row above says week {week}. Counted by the "
        "date; check the week or the date.",
    ),
    "ledger-weekday-mismatch": (
        "台账表头日期 {value} 与旁边写的星期几不一致。已按日期计入；请核对。",
        "The ledger date {value} does not match the weekday written with it. Counted by the date; check it.",
    ),
    "partial-attendance": (
        "{count} 次会议没有签到记录（{meetings}），考勤不完整，不生成通知。请先补录签到，或从会议表中删去未开的会议。",
        "{count} meetings have no sign-ins ({meetings}): attendance is incomplete, so no notice is made. Enter "
        "their sign-ins, or remove the meetings that did not take place.",
    ),
    "attendance-has-errors": (
        "考勤数据有 {count} 个错误（如 {first}），有些签到没有计入，通知可能点错人，不生成。请先改正（sectools check 列出全部），"
        "确认无误仍要生成请加 --force。",
        "The attendance data has {count} errors (e.g. {first}): some sign-ins were not counted, so a notice could "
        "name the wrong people and none is made. Fix them first (sectools check lists them all), or add --force.",
    ),
    "meeting-without-signins": (
        "{date} 的“{value}”没有任何签到记录（请假条不算），未计入考勤（没有人因此被记缺席）。如果会议已开，请补录签到；"
        "如果没有开，请从会议表中删去或改期。",
        "'{value}' on {date} has no sign-in at all (leave requests do not count), so it was not counted (no one "
        "is marked absent for it). If it took place, enter its sign-ins; if not, remove or move it in the meetings "
        "table.",
    ),
    "signins-not-read": (
        "没有读到任何签到记录，无法统计考勤（否则所有人都会被记为缺席）。请确认签到工作簿里有带“学号/姓名”"
        "“日期/会议名称”“状态/签到时间”表头的流水表，或成员 × 日期的台账。",
        "No sign-ins could be read, so attendance cannot be computed (everyone would show as absent). Check "
        "that the sign-in workbook has a log headed 学号/姓名, 日期/会议名称, 状态/签到时间, or a ledger of "
        "members × dates.",
    ),
    "duplicate-export": (
        "“{file}”与“{other}”的签到记录完全相同（同一份导出存了两次），只按“{other}”计，没有重复计算。可删除其中一份。",
        "'{file}' holds exactly the sign-ins of '{other}' (the same export saved twice); only '{other}' is "
        "counted. One of them can be deleted.",
    ),
    "signins-elsewhere": (
        "这个工作簿里有签到（{sheets}），但签到是从 sectools.toml 里 [tables.signins] 的 path（{path}）读取的，"
        "它没有被读取，其中的签到都没有计入。要计入，请把它移进 {path}（扫码签到的导出文件也放那里）；不要的话，"
        "请把它移出办公室文件夹。",
        "This workbook holds sign-ins ({sheets}), but sign-ins are read from [tables.signins] path in "
        "sectools.toml ({path}); it was not read and none of its sign-ins counted. To count them, move it into "
        "{path} (where QR-form exports go too); otherwise move it out of the office folder.",
    ),
    "file-not-read": (
        "“{file}”不是工作簿（或是 Excel/WPS 打开文件时留下的临时文件），没有读取。签到请存为 .xlsx、.xls 或 .csv。",
        "'{file}' is not a workbook (or is a temporary file Excel or WPS leaves beside an open one) and was not "
        "read. Save sign-ins as .xlsx, .xls or .csv.",
    ),
    "form-time-missing": (
        "这份表单导出里找不到作为签到时间的列（要找：{wanted}；表中的时间列：{present}）。只有开始答题时间时，"
        "若确以打开表单的时间为签到时间，请在 sectools.toml 的 [attendance] 写 form_time_column = \"{value}\"。",
        "This form export has no column to take as the sign-in time (looked for: {wanted}; its time columns: "
        "{present}). If the time the form was opened is the sign-in time, write form_time_column = \"{value}\" "
        "under [attendance] in sectools.toml.",
    ),
    "export-no-meeting": (
        "这份表单导出的 {count} 次扫码（{first} 至 {last}）不在会议表任何一次会议的签到时段内（开始前 {early} 分钟至结束），"
        "没有计入。请核对会议表的日期和开始、结束时间，或在文件名里写上会议名称。",
        "None of this export's {count} scans ({first} to {last}) falls in the sign-in window of a meeting in the "
        "meetings table ({early} minutes before the start to the end); none was counted. Check the meetings' "
        "dates and times, or put the meeting's name in the file name.",
    ),
    "export-two-meetings": (
        "这份表单导出有 {count} 次扫码同时落在“{meetings}”的签到时段内，无法确定是哪次会议的，没有计入。"
        "请在文件名里写上会议名称，或核对会议表的时间。",
        "{count} scans of this export fall in the sign-in windows of both {meetings}, so their meeting cannot be "
        "told; they were not counted. Put the meeting's name in the file name, or check the meetings' times.",
    ),
    "scan-outside-window": (
        "这次扫码（{value}）不在“{meeting}”的签到时段（{window}）内，没有计入。",
        "This scan ({value}) is outside the sign-in window of {meeting} ({window}) and was not counted.",
    ),
    "duplicate-scan": (
        "同一人同一次会议扫码不止一次，按最早的一次（{other}）计，这一次没有计入。",
        "The same person scanned more than once for the same meeting; the earliest scan ({other}) counts, this "
        "one does not.",
    ),
    "scan-visitor": (
        "扫码人“{value}”不在名册中（{detail}），按来宾列出，不计入考勤。若是成员，请核对学号或先加入名册。",
        "'{value}' scanned but is not in the roster ({detail}); listed as a visitor and not counted. If this is a "
        "member, check the id or add them to the roster.",
    ),
    "scan-mismatch": (
        "扫码填写的姓名“{value}”与名册中该学号的姓名“{roster_name}”不一致，无法确定是谁签到，这次扫码不计入"
        "（该学号的成员本次若没有别的签到或请假记录，记为“无法识别”，不算缺席）。请向本人核实：学号填错了就改正"
        "导出文件里的学号，姓名填错了就改正这一格。",
        "The name '{value}' given in this scan differs from the roster's name for its id ('{roster_name}'), so "
        "who signed in cannot be told; this scan is not counted (if that id's member has no other sign-in or leave "
        "for this meeting, their status is unreadable — not absent). Ask who it was, then correct the id or this "
        "name in the export.",
    ),
    "bad-signin-url": (
        "签到链接“{value}”不是网址，无法印成二维码。请填写表单的分享链接（以 https:// 开头），或清空这一格。",
        "The sign-in link '{value}' is not a web address and cannot be printed as a QR code. Give the form's "
        "share link (starting with https://), or clear the cell.",
    ),
    "duplicate-signin": (
        "同一人同一次会议有两条签到记录（另见 {other}），按先出现的 {other} 计。请删除多余的一条。",
        "Two sign-ins for the same person and meeting (see also {other}); the first one, {other}, "
        "counts. Delete the extra one.",
    ),
    "unknown-scope": (
        "参会范围中的“{value}”既不是部门也不是职务。可写：{allowed}，多个用顿号分隔。",
        "'{value}' in the scope is neither a department nor a post. Write {allowed}, separated by 、.",
    ),
    "left-date-missing": (
        "{name}的状态是“{status}”，但没有离任日期，因此不计入任何会议的应到人数。请补上离任日期。",
        "{name} is marked '{status}' but has no leaving date, so is not expected at any meeting. Add "
        "the leaving date.",
    ),
    "leave-approval-missing": (
        "请假记录没有填写是否批准，暂按已批准计算。请填写“是”或“否”。",
        "This leave record does not say whether it was approved; counted as approved. Enter 是 or 否.",
    ),
    "meeting-times": (
        "结束时间 {value} 早于开始时间 {start}。请核对。",
        "The end time {value} is before the start time {start}. Please check.",
    ),
    "duplicate-meeting": (
        "会议“{value}”在同一天登记了两次（另见 {other}）。请删除重复的一行。",
        "The meeting '{value}' is listed twice on the same day (see also {other}). Delete the duplicate.",
    ),
    "meeting-not-found": (
        "找不到唯一的会议“{value}”（{detail}）。请写会议表中的会议日期或会议名称。",
        "No single meeting '{value}' ({detail}). Give its date or its name as the meetings table has it.",
    ),
    "no-meetings": (
        "没有符合条件的会议（{detail}）。请检查日期范围、会议类型或会议表。",
        "No meeting matches ({detail}). Check the dates, the meeting kind or the meetings table.",
    ),
    # ---- notices ------------------------------------------------------------------------
    "unknown-notice": (
        "没有“{value}”这种通知。可用：{allowed}。",
        "There is no notice kind '{value}'. Available: {allowed}.",
    ),
    "bad-recipients": (
        "“{kind}”不能按“{value}”分发，可用：{allowed}。",
        "'{kind}' cannot be sent per '{value}'; use: {allowed}.",
    ),
    "nothing-to-render": (
        "“{value}”没有需要生成的对象（{subject}）：例如没有人达到该通知的标准。",
        "Nothing to render for '{value}' ({subject}): no one meets its criteria, for example.",
    ),
    "unsafe-path": (
        "由“{value}”生成的文件名会落到输出文件夹之外，已拒绝。",
        "The file name made from '{value}' would leave the output folder; refused.",
    ),
    "template-field-missing": (
        "模板用到了字段“{value}”，但没有提供这个字段（{detail}）。请检查模板里的 {{{{ }}}} 标记是否拼写正确。",
        "The template uses the field '{value}', which is not provided ({detail}). Check the spelling "
        "of the {{{{ }}}} tags in the template.",
    ),
    "template-limit": (
        "模板运行超出了安全上限（{detail}），未生成通知。请检查模板里的循环和运算：通知模板只需要"
        "填入字段，不需要大量计算。",
        "The template went past a safety limit ({detail}); no notice was made. Check the loops and "
        "arithmetic in the template: a notice template only needs to fill in fields.",
    ),
    "template-error": (
        "模板有误（{detail}）。请在 Word 中检查 {{{{ }}}} 和 {{% %}} 标记是否成对、拼写正确。",
        "The template is wrong ({detail}). In Word, check that the {{{{ }}}} and {{% %}} tags are "
        "complete and spelled right.",
    ),
    "pdf-unavailable": (
        "生成 PDF 需要 LibreOffice，但本机没有安装（找不到 soffice）。请安装 LibreOffice，或改用 --format docx。",
        "PDF needs LibreOffice, which is not installed here (no soffice). Install LibreOffice or use "
        "--format docx.",
    ),
    "pdf-failed": (
        "LibreOffice 未能生成 PDF（{detail}）。",
        "LibreOffice could not make the PDF ({detail}).",
    ),
    # ---- ranking ------------------------------------------------------------------------
    "unknown-class": (
        "班级“{value}”不在{table}中。请改正班级名称，或先在班级表里登记。该记录未计入。",
        "Class '{value}' is not in the {table} table. Correct the name or add the class first. The "
        "record was not counted.",
    ),
    "unknown-item": (
        "检查项目“{value}”不在评分细则中，也没有填写分值。请改正项目名称，或在“分值”列填写分值。该记录未计入。",
        "The item '{value}' is not in the scoring rules and the record gives no points. Correct the "
        "item or fill in the points. The record was not counted.",
    ),
    "wide-no-date": (
        "工作表“{value}”是按班级×项目填写的检查表，但找不到日期：请加一列“日期”，或在标题行写明日期，或把工作表命名为该周（如 2026-W11）。",
        "Sheet '{value}' is a classes × items table with no date: add a 日期 column, put the date in "
        "the title row, or name the sheet after its week (e.g. 2026-W11).",
    ),
    "publish-has-errors": (
        "{value} 周的检查记录有 {count} 个错误（见上），公示和流动红旗会建立在读不出的记录上，未发布。请改正这些单元格后再发布"
        "（确需照发：--force）。",
        "Week {value}'s records have {count} errors (above): the 公示 and red flags would rest on records that "
        "cannot be read, so nothing was published. Fix those cells and publish again (or --force).",
    ),
    "week-needs-start": (
        "“{value}”是学期的第几周，要从学期第一天算起：请在 sectools.toml 的 [office] 填写 semester_start，"
        "或写成 2026-W11 / 该周任一日期。",
        "'{value}' counts from the semester's first day: set semester_start under [office] in sectools.toml, or "
        "write the week as 2026-W11 or a date in it.",
    ),
    "week-outside-semester": (
        "“{value}”不在本学期内（本学期共 {last} 周）。请核对周次，或写成 2026-W11 / 该周任一日期。",
        "'{value}' is not in this semester (it has {last} weeks). Check the week, or write it as 2026-W11 or a "
        "date in it.",
    ),
    "bad-week": (
        "“{value}”不是周次。请写成 2026-W11、第2周，或写该周中的任一日期（如 2026-03-09）。",
        "'{value}' is not a week. Write it as 2026-W11, as the semester's week, or give any date in that week "
        "(e.g. 2026-03-09).",
    ),
    "calendar-fallback": (
        "节假日库没有 {value} 年的数据，已按周一至周五为工作日计算截止时间。请在办公室文件夹里建一个“节假日.xlsx”（列：日期、"
        "类型（放假/上班）、说明），登记该年的放假和调休上班日。",
        "The holiday calendar has no data for {value}; deadlines assume Monday–Friday working days. Add the holidays "
        "workbook to the office folder (the holidays table: date, day off or working day, note; see the README) with "
        "that year's holidays and make-up working days.",
    ),
    "week-sealed": (
        "{value} 周已于 {at} 封单，不能再更改。如确需更改，请报秘书长批准后由管理员处理。",
        "Week {value} was sealed at {at} and can no longer change.",
    ),
    "already-published": (
        "{value} 周已经发布过。如需改正，请改好检查记录后运行 sectools ranking correct … --reason “原因”。",
        "Week {value} is already published. To correct it, fix the records and run sectools ranking "
        "correct … --reason \"why\".",
    ),
    "not-published": (
        "{value} 周还没有发布。请先运行 sectools ranking publish。",
        "Week {value} has not been published yet. Run sectools ranking publish first.",
    ),
    "no-records": (
        "{value} 周没有检查记录，不能计算排名（否则每个班都是基础分、都得流动红旗）。请检查各部门是否已交记录"
        "（sectools ranking status），或用 --week 指定有记录的一周。",
        "Week {value} has no inspection records, so it cannot be ranked (every class would get the base score "
        "and a red flag). See sectools ranking status, or give a week with records (--week).",
    ),
    "published-late": (
        "{value} 周的结果晚于规定时间（{due}）发布。",
        "Week {value} was published after its deadline ({due}).",
    ),
    "reason-required": (
        "更正必须写明原因（--reason）。",
        "A correction needs a reason (--reason).",
    ),
    "objection-open": (
        "{value} 周的公示期到 {end} 才结束，结束后才能封单。",
        "The 公示 of week {value} runs until {end}; seal it after that.",
    ),
    "unpublished-changes": (
        "{value} 周的检查记录在发布后又有改动，尚未更正发布。请先运行 sectools ranking correct 再封单。",
        "Week {value}'s records changed after publication. Run sectools ranking correct before sealing.",
    ),
    "seal-chain-broken": (
        "{value} 周的封单记录与前一个封单周对不上：前一周的封单记录被删除或改动过，或本周的被改动过。"
        "请从您的备份（如网盘的历史版本）恢复 .sectools 文件夹，不要重新封单。",
        "The seal of week {value} does not fit the seal before it: that one was deleted or edited, or this "
        "one was. Restore the .sectools folder from your backup (a cloud drive's version history); do not "
        "seal again.",
    ),
    "sealed-records-changed": (
        "{value} 周已封单，但它的检查记录此后被改动过{records}。请恢复原记录（封单时的排名表见 输出/排名）。",
        "Week {value} is sealed, but its inspection records were edited since{records}. Restore them.",
    ),
    "sealed-results-changed": (
        "{value} 周已封单，但重新计算的结果与封单时不同（{classes}）。",
        "Week {value} is sealed, but its results now differ from the sealed ones ({classes}).",
    ),
    "corrections-forged": (
        "{value} 周的更正记录（第 {entry} 条起）与它的核验链不符：更正记录被手工改动、插入或删除过。"
        "请从您的备份（如网盘的历史版本）恢复 .sectools 文件夹。",
        "Week {value}'s corrections log does not fit its chain from entry {entry}: it was edited, added "
        "to or cut by hand. Restore the .sectools folder from a backup.",
    ),
    "publication-forged": (
        "{value} 周的发布记录与它的核验码不符：发布记录（published.json）被手工改动过。",
        "Week {value}'s publication record does not match its code: published.json was edited by hand.",
    ),
    "sealed-state-missing": (
        "{value} 周已封单（见 {evidence}），但它的封单记录不见了：.sectools 文件夹被删除或改动过。"
        "请从您的备份（如网盘的历史版本）恢复，不要重新封单。",
        "Week {value} was sealed (see {evidence}), but its seal record is gone: the .sectools folder was "
        "deleted or edited. Restore it from a backup; do not seal again.",
    ),
    "published-state-missing": (
        "{value} 周已发布（见 {evidence}），但它的发布记录不见了：.sectools 文件夹被删除或改动过。请从您的备份（如网盘的历史版本）恢复 .sectools 文件夹。",
        "Week {value} was published (see {evidence}), but its publication record is gone. Restore the "
        ".sectools folder from a backup.",
    ),
    "sealed-file-missing": (
        "{value} 周的封单排名表 {file} 不见了。请从您的备份中找回它，或对照张贴的封单核验码。",
        "Week {value}'s sealed ranking {file} is missing. Restore it, or compare the posted seal code.",
    ),
    "sealed-code-mismatch": (
        "{value} 周的封单排名表印着核验码 {printed}，封单记录却是 {state}：二者之一被改动过。请对照张贴的纸质版。",
        "Week {value}'s sealed ranking prints the code {printed}, its seal record says {state}: one of them "
        "was changed. Compare the posted copy.",
    ),
    "sealed-file-changed": (
        "{value} 周的封单排名表在封单后被改动过（内容与封单时不同）。",
        "Week {value}'s sealed ranking workbook was edited after sealing.",
    ),
    "published-file-missing": (
        "{value} 周公示的排名表 {file} 不见了。",
        "Week {value}'s published ranking {file} is missing.",
    ),
    "published-code-mismatch": (
        "{value} 周公示的排名表印着核验码 {printed}，发布记录却是 {state}：二者之一被改动过。",
        "Week {value}'s published ranking prints the code {printed}, its publication record says {state}: "
        "one of them was changed.",
    ),
    "published-file-changed": (
        "{value} 周公示的排名表在发布后被手工改动过。请用发布时的备份 {backup} 替换它；若结果确实要改"
        "（公示期内），请改检查记录后运行 sectools ranking correct。",
        "Week {value}'s published ranking workbook was edited by hand. Replace it with the backup made when "
        "it was published, {backup}; to change results (during the objection period), correct the records "
        "and run sectools ranking correct.",
    ),
    "published-with-missing": (
        "{value} 周已发布，但这些部门本周没有交检查记录：{departments}。它们的检查没有计入；如是漏交，"
        "请补交后在公示期内运行 sectools ranking correct。",
        "Week {value} is published, but these departments handed in no records this week: {departments}. "
        "Their inspections are not counted; if they are late, add them and run sectools ranking correct "
        "during the objection period.",
    ),
    "published-notice-changed": (
        "{value} 周的公示通知在发布后被改动过（在 Word 中修改过）。张贴的应是 sectools 生成的原文，核验码见其附注。",
        "Week {value}'s 公示 notice was changed after publishing (edited in Word). The posted copy should be "
        "the one sectools made; its code is in its note.",
    ),
    "seal-log-mismatch": (
        "{value} 周在封单日志中的核验码是 {logged}，本办公室的封单记录却是 {state}：封单记录被改动过。",
        "The seal log gives week {value} the code {logged}, this office's seal record {state}: the seal "
        "record was changed.",
    ),
    "seal-not-logged": (
        "{value} 周已封单，但封单日志中没有它（封单时可能还没有设置 seal_log）。",
        "Week {value} is sealed but not in the seal log (perhaps sealed before seal_log was set).",
    ),
    "seal-log-missing": (
        "找不到封单日志 {file}。请检查共享盘是否已连接，或 [ranking] seal_log 的路径。",
        "The seal log {file} cannot be found. Check that the shared drive is connected, or the path in "
        "[ranking] seal_log.",
    ),
    "seal-log-unwritable": (
        "无法写入封单日志 {file}（{detail}）。请检查共享盘是否已连接、是否有写入权限；本周未封单。",
        "Cannot write the seal log {file} ({detail}). Check the shared drive and its permissions; the week "
        "was not sealed.",
    ),
    "seal-log-damaged": (
        "封单日志 {file} 的这一行无法读取。封单日志只能追加，不要手工修改。",
        "This line of the seal log {file} cannot be read. The seal log is append-only; do not edit it.",
    ),
    "os-permission": (
        "没有权限读写 {path}（{detail}）。请检查它的权限（右键 › 属性 › 安全），"
        "或用 --out 把结果写到别的文件夹。",
        "No permission to read or write {path} ({detail}). Check its permissions, or write "
        "the results elsewhere with --out.",
    ),
    "os-read-only": (
        "{path} 所在的位置是只读的（只读共享、光盘或写保护的 U 盘）。请把办公室文件夹复制到可写的位置，或用 --out 指定输出位置。",
        "{path} is on a read-only place (a read-only share, a disc, a write-protected USB stick). Copy the office "
        "folder somewhere writable, or give --out.",
    ),
    "os-disk-full": (
        "磁盘已满，没能写完 {path}。请清理磁盘空间后重试；已有的文件没有被改动。",
        "The disk is full; {path} was not finished. Free some space and try again; existing files are unchanged.",
    ),
    "os-path-too-long": (
        "路径太长（{count} 个字节）：{path}。请把办公室文件夹放到更短的路径下（如 D:\\秘书处），或缩短文件夹和文件名。",
        "The path is too long ({count} bytes): {path}. Move the office folder to a shorter path (such as D:\\office) "
        "or shorten the folder and file names.",
    ),
    "os-not-found": (
        "找不到 {path}（{detail}）。请检查路径，或是否在运行时被移走了。",
        "{path} cannot be found ({detail}). Check the path, or whether it was moved meanwhile.",
    ),
    "os-error": (
        "无法读写 {path}（{detail}）。请检查文件是否被其他程序占用、磁盘或网络盘是否正常。",
        "{path} cannot be read or written ({detail}). Check whether another program holds it and whether "
        "the disk or network drive is working.",
    ),
    "server-token-bad": (
        "服务器口令须至少 8 个字符，只用英文字母、数字和符号（不能有汉字或空格：它要放在网络请求的头部）。",
        "The server token must be at least 8 characters of ASCII letters, digits and symbols, without "
        "spaces (it travels in an HTTP header).",
    ),
    "folder-not-allowed": (
        "服务器不能打开办公室文件夹 {value}：它不在服务器允许的文件夹中。请管理员在启动时用 "
        "sectools excel serve --folder 加入，或删去设置表中的“办公室文件夹”。",
        "The server may not open the office folder {value}: it is not among the folders it allows. Ask "
        "the administrator to add it with sectools excel serve --folder, or remove the folder row from the "
        "settings sheet.",
    ),
    "state-damaged": (
        "sectools 的记录文件已损坏，无法读取。请运行 sectools repair 办公室文件夹（恢复上一版本），"
        "或从您的备份（如网盘的历史版本）恢复 .sectools 文件夹。",
        "A sectools state file is damaged and cannot be read. Run sectools repair OFFICE (restores the "
        "version before), or restore the .sectools folder from a backup.",
    ),
    "state-restored": (
        "已用上一版本恢复（损坏的文件已改名为 {aside} 保留）。请运行 sectools ranking verify 核对。",
        "Restored from the version before (the damaged file is kept as {aside}). Run sectools ranking "
        "verify to check.",
    ),
    "category-cap-shared": (
        "“{item}”的每周上限是空的或不同，但每周上限按类别“{category}”计：本类别所有项目合计每周最多扣（加）{cap} 分，"
        "“{item}”也在其中。若它不该受此上限，请把它放到另一个类别；若是，请在这一格也写上 {cap}。",
        "'{item}' has a blank or different weekly cap, but caps apply to the whole category '{category}': all "
        "its items together count at most {cap} points a week, '{item}' included. Put it in another category "
        "if it should not be capped, else write {cap} here too.",
    ),
    "sealed-week-differs": (
        "{value} 周已于 {at} 封单，封单结果不变；按现在的记录算出的结果与封单时不同（{classes}）："
        "记录在封单后被改动过，请运行 sectools ranking verify。",
        "Week {value} was sealed at {at} and its sealed results stand; the records as they are now give "
        "different results ({classes}): they were edited after sealing — run sectools ranking verify.",
    ),
    "sealed-set-aside": (
        "{value} 周的封单记录已损坏，已另存为 {aside}（不是被删除）。请从备份（如网盘的历史版本）恢复 sealed.json；"
        "不要重新封单。",
        "Week {value}'s seal record was damaged and is kept as {aside} (not deleted). Restore sealed.json "
        "from a backup (a cloud drive's version history); do not seal again.",
    ),
    "ranking-notice-published": (
        "{value} 周已于 {at} 发布，它的公示是 {file}（印有公示核验码）。要改结果，请改检查记录后运行 "
        "sectools ranking correct，会自动重新发布并附更正说明。",
        "Week {value} was published at {at}; its 公示 is {file} (with its publication code). To change the "
        "results, correct the records and run sectools ranking correct, which republishes with a correction note.",
    ),
    "numbers-restored": (
        "文号登记已用上一版本恢复（损坏的文件已改名为 {aside} 保留）；上一版本可能少记了最后发出的一个文号，"
        "为免重号，下一个文号从 {next} 起。",
        "The register of document numbers was restored from the version before (the damaged file is kept "
        "as {aside}); that version may lack the last number issued, so numbering goes on from {next} to "
        "avoid issuing one twice.",
    ),
    "manifest-set-aside": (
        "sectools 生成文件的清单已损坏，已改名为 {aside} 保留；今后 init --force 会把每个文件都当作您的文件保留。",
        "The list of files sectools made was damaged and is kept as {aside}; from now on init --force keeps "
        "every file as yours.",
    ),
    "state-not-restorable": (
        "已损坏，且没有可用的上一版本（损坏的文件已改名为 {aside} 保留）。请从备份（如网盘的历史版本）恢复 .sectools 文件夹。",
        "Damaged, and no readable version before it (the damaged file is kept as {aside}). Restore the "
        ".sectools folder from a backup (a cloud drive's version history).",
    ),
    # ---- plans --------------------------------------------------------------------------
    "bad-month": (
        "“{value}”不是月份。请写成 2026-03 或 2026年3月。",
        "'{value}' is not a month. Write it as 2026-03.",
    ),
    "month-folder-missing": (
        "找不到 {value} 的文件夹。请在此文件夹下建一个名为 {value} 的子文件夹，把各部门交来的文件放进去。",
        "There is no folder for {value} here. Make a subfolder named {value} and put the departments' files in it.",
    ),
    "month-folder-not-found": (
        "找不到 {value} 的文件夹，无法收集（不是各部门都未交）。已有的月份：{months}。请核对 --month，"
        "或建一个名为 {value} 的子文件夹，把各部门交来的文件放进去。",
        "There is no folder for {value}, so nothing can be collected (this is not everyone missing). Months "
        "there: {months}. Check --month, or make a subfolder named {value} with the departments' files.",
    ),
    "form-kind-unknown": (
        "看不出这是计划还是总结：请在标题里写明“工作计划”或“工作总结”，或在文件名里写明。",
        "Cannot tell whether this is a plan or a summary: say 工作计划 or 工作总结 in the title or file name.",
    ),
    "form-field-missing": (
        "表头缺少“{field}”。请在表格上方填写“{field}：……”。",
        "The form does not give '{field}'. Fill in '{field}：…' above the table.",
    ),
    "no-items": (
        "没有找到工作项目表（或表是空的）。请按模板填写“工作项目”等列。",
        "No work-item table was found (or it is empty). Fill in the 工作项目 table as in the template.",
    ),
    "wrong-month": (
        "表中的月份是 {value}，但收集的是 {month}。请核对月份，或把文件放到对应月份的文件夹。",
        "The form says {value} but {month} is being collected. Check the month or move the file.",
    ),
    "duplicate-submission": (
        "同一部门交了不止一份，采用 {used}（能打开的最新一份），本文件未采用。",
        "The department handed in more than one file; {used} (the newest that opens) is used instead of this one.",
    ),
    # ---- kpi ----------------------------------------------------------------------------
    "bad-period": (
        "“{value}”不是考核期间。请写月份（如 2026-03）或“学期”。",
        "'{value}' is not an appraisal period. Give a month (2026-03) or 学期 (the semester).",
    ),
    "unknown-indicator": (
        "指标“{value}”不在考核指标表中。请改正指标名称。该评分未计入。",
        "The indicator '{value}' is not in the indicators table. The rating was not counted.",
    ),
    "unknown-rater": (
        "评分人类别“{value}”不在 sectools.toml 的 [kpi.raters] 中（可用：{allowed}）。该评分未计入。",
        "The rater group '{value}' is not in [kpi.raters] ({allowed}). The rating was not counted.",
    ),
    "score-out-of-range": (
        "分数 {value} 不在 0 到满分 {full} 之间。请改正。该评分未计入。",
        "The score {value} is outside 0 to {full}. The rating was not counted.",
    ),
    "source-unavailable": (
        "指标“{value}”的数据来源是{source}，在这里无法计算（工作簿没有关联办公室文件夹）。请在“sectools设置”中填写“办公室文件夹”，或用命令行 sectools kpi。",
        "The indicator '{value}' comes from {source}, which cannot be computed here (no office folder). "
        "Name the office folder in the settings sheet, or use sectools kpi.",
    ),
    "missing-rating": (
        "{value} 的“{indicator}”缺少{groups}的评分（{period}）。该指标按已有的评分计算，请补齐。",
        "{value} has no rating from {groups} for '{indicator}' ({period}); the indicator uses the "
        "ratings there are. Please complete them.",
    ),
    # ---- output -----------------------------------------------------------------------
    "file-open-in-excel": (
        "文件正在 Excel/WPS 中打开（{detail}），未写入任何内容。请先关闭该文件，再运行一次。",
        "The file is open in Excel/WPS ({detail}); nothing was written. Close it and run again.",
    ),
    "file-locked": (
        "文件被占用或没有写入权限（{detail}），未写入任何内容。请关闭占用它的程序后重试。",
        "The file is locked or not writable ({detail}); nothing was written. Close the program "
        "that holds it and try again.",
    ),
    "output-is-input": (
        "输出文件不能是输入的工作簿，也不能放在输入的文件夹里（如 检查记录、计划总结），sectools 从不改写原始数据。"
        "请换一个输出文件名或文件夹。",
        "The output must not be one of the input workbooks nor inside an input folder (the inspections or "
        "plans folder): sectools never overwrites source data. Choose another name or folder.",
    ),
    "demo-folder-taken": (
        "演示办公室不能建在这里：文件夹里有您的文件（{detail}），演示数据会把它们盖掉。请换一个空文件夹，"
        "例如 sectools demo --out 演示办公室。",
        "The demo office cannot go here: the folder holds your files ({detail}), which the demo data would "
        "replace. Choose an empty folder, e.g. sectools demo --out demo-office.",
    ),
    "skipped-link": (
        "“{file}”是一个链接（或管道、设备），不是普通文件，没有读取：链接可能指向电脑上任何地方。请把真正的文件放进文件夹。",
        "'{file}' is a link (or a pipe or device), not a plain file, and was not read: a link may point anywhere "
        "on the machine. Put the real file in the folder.",
    ),
    "office-busy": (
        "另一个 sectools 正在写这个办公室的记录（{holder}），请等它结束后再运行。如果那个程序已经关掉了，过一会儿再试即可。",
        "Another sectools run is writing this office's records ({holder}); run again when it has finished. If "
        "that program has been closed, simply try again in a moment.",
    ),
    "server-licence": (
        "xlwings Server 需要许可证密钥才能启动。学校、学生组织等非商业用途可免费使用：先设置环境变量 "
        "XLWINGS_LICENSE_KEY=noncommercial（Windows：set XLWINGS_LICENSE_KEY=noncommercial），再运行 sectools excel serve。",
        "xlwings Server needs a licence key to start. Non-commercial use (schools, student bodies) is free: set "
        "XLWINGS_LICENSE_KEY=noncommercial (Windows: set XLWINGS_LICENSE_KEY=noncommercial), then run "
        "sectools excel serve again.",
    ),
    "output-exists": (
        "目标文件夹已存在且不是空的（{detail}）。请换一个文件夹，或使用 --force 覆盖 sectools 自己生成的文件。",
        "The target folder exists and is not empty ({detail}). Choose another folder, or use "
        "--force to overwrite the files sectools made.",
    ),
    # ---- configuration ------------------------------------------------------------------
    "config-missing": (
        "这个文件夹里没有 sectools.toml，不是 sectools 办公室文件夹。可用“sectools init 文件夹”新建一个。",
        "There is no sectools.toml here, so this is not a sectools office folder. Create one with "
        "'sectools init FOLDER'.",
    ),
    "config-invalid": (
        "sectools.toml 写法有误（{detail}）。请用记事本打开并改正，注意引号和等号。",
        "sectools.toml cannot be read ({detail}). Open it in a text editor and correct it; mind "
        "the quotes and equals signs.",
    ),
    "config-bad-value": (
        "sectools.toml 中 {key} 的值“{value}”不正确，应为{expected}。",
        "In sectools.toml, {key} = '{value}' is wrong; expected {expected}.",
    ),
    "config-unknown-key": (
        "sectools.toml 中没有 {key} 这个设置，是不是想写 {suggestion}？[{section}] 可用的设置：{allowed}。",
        "sectools.toml has no setting {key}; did you mean {suggestion}? The settings under [{section}] "
        "are: {allowed}.",
    ),
    "config-unknown-section": (
        "sectools.toml 中没有 [{section}] 这一段，是不是想写 [{suggestion}]？可用的段：{allowed}。",
        "sectools.toml has no section [{section}]; did you mean [{suggestion}]? The sections are: {allowed}.",
    ),
    "config-duplicate-key": (
        "sectools.toml 中 {key} 和 {other} 是同一个设置（中文名与英文名），请只保留一个。",
        "In sectools.toml, {key} and {other} are the same setting (its Chinese and English names); keep only one.",
    ),
    "config-missing-key": (
        "sectools.toml 中 {key} 缺少必填的 {missing}，例如 {example}。",
        "In sectools.toml, {key} lacks {missing}, which is required (e.g. {example}).",
    ),
    "server-missing": (
        "没有安装 xlwings-server：请运行 pip install \"sectools[server]\"。",
        "xlwings-server is not installed: run pip install \"sectools[server]\".",
    ),
    "state-unavailable": (
        "“{value}”需要办公室文件夹（保存发布记录和输出文件），当前来源没有文件夹。请在办公室文件夹中运行。",
        "'{value}' needs an office folder (for its records and output files); this source has none. Run it on an office folder.",
    ),
    "internal-error": (
        "sectools 内部出错（{detail}）。这不是您的错：请把这条信息发给维护人员；在命令后加上 --debug 可看到详情。",
        "sectools hit an internal error ({detail}). This is not your fault: send this message to "
        "the maintainers; --debug shows details.",
    ),
}


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Term:
    """Words of sectools' own inside a message's params — a column's label, a table's title, a
    phrase of the catalogue — rendered in the language of the message that shows them.  Plain
    strings in params are a clerk's (names, paths, cell values) and are never converted."""

    def __init__(self, zh: str | None = None, en: str | None = None, *, key: str | None = None, **params):
        self.zh, self.en, self.key, self.params = zh, en, key, params

    def render(self, lang: str = "zh-CN") -> str:
        lang = normalize_lang(lang)
        if self.key:
            return text(self.key, lang, **self.params)
        if lang == "en":
            return self.en or self.zh or ""
        return to_traditional(self.zh or "") if lang == "zh-TW" else (self.zh or "")

    def __str__(self) -> str:
        return self.render("zh-CN")

    def __repr__(self) -> str:
        return f"Term({self.key or self.zh!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Term) and (self.zh, self.en, self.key, self.params) == \
            (other.zh, other.en, other.key, other.params)

    def __hash__(self) -> int:
        return hash((self.zh, self.en, self.key))


def W(key: str, **params) -> Term:
    """A phrase of the :data:`TEXTS` catalogue, to be rendered in the message's language."""
    return Term(key=key, **params)


class Joined(Term):
    """Several Terms as one list, each rendered in the message's language (、 in Chinese, commas in English;
    ``clauses``: ； and semicolons, for items that are lists themselves)."""

    def __init__(self, terms, clauses: bool = False):
        super().__init__()
        self.terms = [t if isinstance(t, Term) else Term(str(t), str(t)) for t in terms]
        self.clauses = clauses

    def render(self, lang: str = "zh-CN") -> str:
        lang = normalize_lang(lang)
        sep = ("; " if lang == "en" else "；") if self.clauses else (", " if lang == "en" else "、")
        return sep.join(t.render(lang) for t in self.terms)

    def __eq__(self, other) -> bool:
        return isinstance(other, Joined) and self.terms == other.terms

    def __hash__(self) -> int:
        return hash(tuple(self.terms))


def joined(terms, clauses: bool = False) -> Term:
    """Several of sectools' words (or values with their cells) as one list in the message's language."""
    return Joined(terms, clauses)


def _fmt_value(v, lang: str = "zh-CN") -> str:
    if isinstance(v, Term):
        return v.render(lang)
    if v is None:
        return "(blank)" if lang == "en" else "（空）"
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    s = str(v)
    return s if len(s) <= 60 else s[:57] + "…"


def _param(v, lang: str):
    if isinstance(v, Term):
        return v.render(lang)
    if isinstance(v, str) and len(v) > 200:  # a 32,767-character name is shown by its start
        return v[:60] + "…"
    return v


def render(problem, lang: str = "zh-CN") -> str:
    """A problem's message: the template in ``lang`` (Traditional made from Simplified), filled
    with its params — sectools' own words (:class:`Term`) in ``lang``, a clerk's values as they are."""
    lang = normalize_lang(lang)
    zh, en = MESSAGES.get(problem.code, ("{code}：{value}", "{code}: {value}"))
    if lang == "en":  # {n|row|rows}: the word that agrees with the number n
        en = _PLURAL.sub(lambda m: m.group(2) if problem.params.get(m.group(1), problem.value if m.group(1) == "value"
                                                                    else None) == 1 else m.group(3), en)
    template = en if lang == "en" else (to_traditional(zh) if lang == "zh-TW" else zh)
    params = _Default({k: _param(v, lang) for k, v in problem.params.items()})
    params.setdefault("value", _fmt_value(problem.value, lang))
    params.setdefault("code", problem.code)
    params.setdefault("file", problem.file or "")
    return template.format_map(params)


def normalize_lang(lang: str | None) -> str:
    if not lang:
        return "zh-CN"
    low = lang.strip().lower().replace("_", "-")
    if low in ("en", "en-us", "en-gb", "english"):
        return "en"
    if low in ("zh-tw", "zh-hk", "zh-hant", "zh-mo", "tw"):
        return "zh-TW"
    return "zh-CN"


@lru_cache(maxsize=4096)
def to_traditional(text: str) -> str:

    """sectools' own words in Traditional characters: character by character with Taiwan's forms
    (``s2tw``, not ``s2twp``, whose IT vocabulary turns 发布 into 釋出 and 类型 into 型別), and 周 as 週 —
    in sectools' own words 周 is always the week (a surname 周 is data, and data is never converted);
    表 stays 表 (s2tw makes 流水表 a 流水錶, a watch)."""
    return converter("s2tw").convert(text).replace("周", "週").replace("錶", "表")  # 流水表 is no watch


@lru_cache(maxsize=4)
def converter(config: str):
    import opencc

    return opencc.OpenCC(config)


# Words used around the messages (CLI tables, report headers).
WORDS = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "location": ("位置", "location"),
    "severity": ("级别", "severity"),
    "code": ("代码", "code"),
    "message": ("说明", "message"),
    "seal-status": ("状态", "status"), "seal-row": ("行", "row"), "date": ("日期", "date"), "seal": ("印章", "seal"),
    "document": ("文件名称", "document"), "approver": ("审批人", "approver"), "seal-findings": ("问题", "findings"),
    "doc-number": ("收文编号", "no."), "doc-title": ("标题", "title"), "doc-lead": ("主办部门", "lead"),
    "doc-due": ("办理时限", "due"), "doc-days": ("逾期/剩余工作日", "working days over/left"),
    "doc-unread": ("未阅", "not read by"),
    "task-level": ("等级", "level"), "task-id": ("编号", "id"), "task-title": ("事项", "task"),
    "task-due": ("完成时限", "due"),
    "diary-kind": ("类别", "kind"), "diary-text": ("事项", "entry"),
    "fund-summary": ("摘要", "summary"), "fund-income": ("收入", "income"), "fund-expense": ("支出", "expense"),
    "fund-balance": ("余额", "balance"),
    "archive-kind": ("变动", "change"), "archive-before": ("变动前", "before"), "archive-after": ("变动后", "after"),
    "archive-semester": ("学期", "semester"), "archive-post": ("职务", "post"),
    "archive-joined": ("入职日期", "joined"), "archive-left": ("离任日期", "left"),
    "intake-rank": ("排名", "rank"), "intake-id": ("学号", "id"), "intake-name": ("姓名", "name"),
    "intake-first": ("第一志愿", "first choice"), "intake-second": ("第二志愿", "second choice"),
    "intake-score": ("总分", "score"), "intake-result": ("结果", "result"), "intake-department": ("部门", "department"),
    "supplies-account": ("科目", "account"), "supplies-budget": ("预算", "budget"), "supplies-spent": ("已支出", "spent"),
    "supplies-remaining": ("剩余", "remaining"), "supplies-share": ("执行比例", "share"),
}


def word(key: str, lang: str = "zh-CN") -> str:
    lang = normalize_lang(lang)
    zh, en = WORDS[key]
    if lang == "en":
        return en
    return to_traditional(zh) if lang == "zh-TW" else zh


# ---- what the jobs chose for the user (sectools.jobs.Choice) ------------------------------------
# code: (zh-CN, en).  Params: value, and the choice's own.
CHOICES: dict[str, tuple[str, str]] = {
    "diary-month-this": ("{value}：本月", "{value}: this month"),
    "archive-apply-date": ("离任日期 {value}：学期的最后一天或今天，取早的（可用 --date 指定）",
                           "leaving date {value}: the semester's last day or today, whichever is earlier (--date "
                           "for another)"),
    "roster-from-archive": ("名册：{value}的存档（{taken_at} 存档；之后加入的不计，之后退出的照计）",
                            "roster: the archive of {value} (taken {taken_at}; members who joined since are not "
                            "counted, those who left since are)"),
    "archive-semester-default": ("{value}（{start} 至 {end}）：sectools.toml 里的本学期（可用 --semester 指定）",
                                 "{value} ({start} to {end}): the semester in sectools.toml (--semester for another)"),
    "supplies-year-semester": ("{value}（{start} 至 {end}）：本学期开始时所在的预算年度（可用 --year 指定）",
                               "{value} ({start} to {end}): the budget year this semester begins in (--year for another)"),
    "supplies-year-today": ("{value}（{start} 至 {end}）：今天所在的预算年度（可用 --year 指定）",
                            "{value} ({start} to {end}): the budget year of today (--year for another)"),
    "fund-semester-default": ("{value}（{start} 至 {end}）：sectools.toml 里的本学期（可用 --semester 指定）",
                              "{value} ({start} to {end}): the semester in sectools.toml (--semester for another)"),
    "week-latest": ("{value}（{name}，{monday}—{sunday}）：有检查记录的最近一周",
                    "{value} ({name}, {monday}–{sunday}): the latest week with inspection records"),
    "week-none": ("{value}（{name}，{monday}—{sunday}）：截至今天还没有检查记录，取上一周",
                  "{value} ({name}, {monday}–{sunday}): no inspection records up to today, so last week"),
    "meeting-next": ("{date} {meeting}：下一次会议", "{date} {meeting}: the next meeting"),
    "meeting-last-past": ("{date} {meeting}：之后没有会议，取最近一次（已经开过）",
                          "{date} {meeting}: no meeting ahead, so the last one (already held)"),
    "meeting-held": ("{date} {meeting}：最近一次已召开的会议", "{date} {meeting}: the latest meeting held"),
    "month-semester-end": ("{year}年{month}月：学期结束的月份，学期工作总结交到这个月的文件夹（可用 --month 指定）",
                           "{year}-{month}: the month the semester ends; semester summaries go in its folder "
                           "(--month picks another)"),
    "month-latest": ("{year}年{month}月：有计划总结文件的最近一个月（可用 --month 指定）",
                     "{year}-{month}: the latest month with plans or summaries (--month picks another)"),
    "period-semester": ("{value}：评分表中的学期（您写的是“{word}”）", "{value}: the semester in the ratings (you wrote '{word}')"),
    "period-latest": ("{value}：评分表中最近的考核期间（可用 --period 指定）",
                      "{value}: the latest period in the ratings (--period picks another)"),
    "range-semester": ("统计期间：{start} 至 {end}（本学期）", "period: {start} to {end} (this semester)"),
    "incoming-forms-new": ("{count} 份新收文（还没有拟办意见和领导批示；可写收文编号指定）",
                           "{count} newly received {count|document|documents} (no proposal or instruction yet; give "
                           "numbers to pick others)"),
    "seal-forms-pending": ("{count} 条还没有审批人的用印（可用 --row 指定登记表的行）",
                           "{count} {count|use|uses} with no approver yet (--row picks rows of the register)"),
}


def choice_text(code: str, lang: str, params: dict) -> str:
    zh, en = CHOICES[code]
    return _say(zh, en, lang, params)


# ---- what the command line and the Excel buttons say around the results --------------------------
TEXTS: dict[str, tuple[str, str]] = {
    "created": ("已创建：{path}", "Created: {path}"),
    "init-filled": ("{path}：写入了以下文件（缺少的，或 sectools 生成后没人改过的空白模板）",
                    "{path}: these files were written (missing ones, or blank templates sectools made that no one changed)"),
    "init-nothing": ("{path}：没有缺少的文件，什么也没有写", "{path}: nothing was missing, nothing was written"),
    "init-name": ("办公室名称暂为“{name}”（通知落款和文号都用它）。请在 sectools.toml 的 [office] 里把 name 改成本单位的全称，"
                  "如 name = \"财经系学生会\"；也可以新建时写 sectools init {folder} --name 财经系学生会。",
                  "The office is named '{name}' for now (notices are signed and numbered with it). Set name under "
                  "[office] in sectools.toml to your office's full name, or create it with "
                  "sectools init {folder} --name NAME."),
    "init-kept": ("以下 {count} 个已有的文件已保留，未覆盖（您的文件、演示数据和改动过的文件一律不替换）：",
                  "{count} existing {count|file was|files were} kept as {count|it is|they are} (your files, "
                  "demo data and anything changed are never replaced):"),
    "table-summary": ("{title}：{where}：{rows} 行，{errors} 个错误，{warnings} 个警告",
                      "{title}: {where}: {rows} {rows|row|rows}, {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}"),
    "other-files-summary": ("其他文件：{files}：{errors} 个错误，{warnings} 个警告",
                            "Other files: {files}: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}"),
    "no-problems": ("没有发现问题。", "No problems found."),
    "problems-written": ("问题清单已写入：{path}", "Problems written to: {path}"),
    "more-problems": ("另有 {count} 个数据问题，详见报表的问题清单或运行 sectools check",
                      "{count} more {count|problem|problems}; see the report's problem list or run sectools check"),
    "chosen": ("默认：{text}", "Default: {text}"),
    "chosen-typed": ("理解为：{text}", "Taken as: {text}"),
    "report": ("报表：{path}", "Report: {path}"),
    "workbook": ("工作簿：{path}", "Workbook: {path}"),
    "attendance-by-department": ("各部门出勤率：", "Attendance by department:"),
    "actions-due": ("处理名单：", "Actions due:"),
    "no-actions": ("没有达到处理标准的成员。", "No one reached a threshold."),
    "signin-sheet": ("{date} {meeting} 签到表（应到 {count} 人）：{path}",
                     "Sign-in sheet for {date} {meeting} ({count} expected): {path}"),
    "signin-sheet-qr": ("  表头下方印有扫码签到二维码：{link}", "  with the sign-in form's QR code under the heading: {link}"),
    "week-head": ("{week}（{name}）：{records} 条检查记录", "{week} ({name}): {records} inspection records"),
    "red-flag": ("★流动红旗", "★ red flag"),
    "serious": ("（严重违纪）", " (serious violation)"),
    "published": ("已发布：", "Published:"),
    "nothing-changed": ("与发布时相比没有变化，无需更正。", "Nothing changed since publication."),
    "corrected": ("已更正并重新发布：", "Corrected and republished:"),
    "sealed": ("{week} 已封单，封单核验码 {hash}（已印在封单排名表上，张贴后可对照）",
               "{week} sealed, seal code {hash} (printed on the sealed ranking, to compare once posted)"),
    "seal-code": ("  {week}  封单核验码 {code}", "  {week}  seal code {code}"),
    "week-codes": ("  {week}  公示核验码 {published}  封单核验码 {sealed}", "  {week}  publication code {published}  seal code {sealed}"),
    "repaired": ("已恢复 {count} 个记录文件。", "{count} state {count|file|files} restored."),
    "verified": ("已核验 {count} 个封单周，均未改动。", "{count} sealed {count|week|weeks} verified: unchanged."),
    "status-week": ("{week}（{name}，{monday} — {sunday}）", "{week} ({name}, {monday} – {sunday})"),
    "handed-in": ("已交：{names}", "Handed in: {names}"),
    "missing": ("未交：{names}", "Missing: {names}"),
    "reminder": ("催交：{names}：请于 {due} 前提交本周检查记录。",
                 "Reminder: {names} — please hand in this week's inspection records by {due}."),
    "collect-by": ("收集截止：{when}", "Collect by: {when}"),
    "publish-by": ("发布截止：{when}", "Publish by: {when}"),
    "objection-end": ("公示截止：{when}", "Public notice ends: {when}"),
    "state-sealed": ("状态：已封单 {when}", "State: sealed {when}"),
    "state-published": ("状态：已发布 {when}", "State: published {when}"),
    "state-late": ("（逾期）", " (late)"),
    "state-open": ("状态：未发布", "State: not published"),
    "state-corrections": ("，更正 {count} 次", ", corrected {count} {count|time|times}"),
    "warning-line": ("警告：{message}", "Warning: {message}"),
    "plans-head": ("{kind} {month}（截止 {due}）", "{kind} {month} (due {due})"),
    "plan-on_time": ("按时", "on time"),
    "plan-late": ("逾期", "late"),
    "plan-missing": ("未交", "missing"),
    "plan-incomplete": ("已交（不完整）", "incomplete"),
    "kind-plan": ("月度工作计划", "monthly plan"),
    "kind-summary": ("月度工作总结", "monthly summary"),
    "kind-semester": ("学期工作总结", "semester summary"),
    "completion": ("完成率 {rate}", "done {rate}"),
    "items": ("{count} 项", "{count} {count|item|items}"),
    "plans-summary-workbook": ("汇总工作簿：{path}", "Summary workbook: {path}"),
    "reminder-notice": ("催办通知：{path}", "Reminder notice: {path}"),
    "kpi-workbook": ("结果工作簿：{path}", "Result workbook: {path}"),
    "notice-file": ("通知：{path}", "Notice: {path}"),
    "notice-head": ("{kind}（{number}）：{recipients} 份，{files} 个文件", "{kind} ({number}): {recipients} {recipients|recipient|recipients}, {files} {files|file|files}"),
    "more-files": ("  … 另有 {count} 个", "  … {count} more"),
    "schedule": ("每周活动安排：{path}", "Weekly schedule: {path}"),
    "semester-ranking": ("学期累计排名（截至 {until}）：", "Semester ranking (up to {until}):"),
    "stars-legend": ("★ 每颗代表获得一次流动红旗；分数为各周得分的平均。", "Each ★ is a week with the red flag; the score is the mean weekly score."),
    "demo-ranking": ("班级量化考核：{weeks} 周已发布，其中 {sealed} 周已封单",
                     "Class assessment: {weeks} weeks published, {sealed} sealed"),
    "demo-office": ("演示办公室：{path}", "Demo office: {path}"),
    "outputs": ("输出：", "Outputs:"),
    "no-pdf": ("（未安装 LibreOffice，跳过 PDF）", "(LibreOffice not installed: no PDF)"),
    "collecting": ("收集中", "collecting"),
    "rendering": ("生成中", "rendering"),
    "error-prefix": ("错误", "Error"),
    "serve": ("xlwings Server：端口 {port}（Ctrl+C 停止）", "xlwings Server: port {port} (Ctrl+C stops)"),
    "serve-token": ("服务器口令：{token}　请在工作簿的 sectools设置 表中加一行：服务器口令 | {token}",
                    "Server token: {token}  In the workbook's settings sheet (sectools) add a row: server_token | {token}"),
    "serve-folders": ("允许打开的办公室文件夹：{folders}", "Office folders books may open: {folders}"),
    "serve-no-folders": ("无（只用工作簿自己的数据）", "none (each book's own data only)"),
    "excel-done-attendance": ("考勤统计完成：{members} 名成员，{meetings} 次会议；处理名单 {actions} 条。",
                              "Attendance done: {members} members, {meetings} meetings; {actions} {actions|action|actions} due."),
    "excel-checked": ("已检查：{counts}", "Checked: {counts}"),
    "excel-signin": ("已生成 {date} {meeting} 的签到表，应到 {count} 人。",
                     "Sign-in sheet for {date} {meeting}: {count} expected."),
    "excel-ranking": ("{week}（{name}）：{classes} 个班级已排名；流动红旗：{flags}。",
                      "{week} ({name}): {classes} classes ranked; red flags: {flags}."),
    "excel-kpi": ("绩效考核（{period}）完成：{people} 人。", "Appraisal ({period}) done: {people} people."),
    "excel-kpi-top": ("绩效考核（{period}）完成：{people} 人，第一名 {name} {total} 分。",
                      "Appraisal ({period}) done: {people} people; first: {name}, {total} points."),
    "excel-results": ("结果在工作表：{sheets}", "Results: {sheets}"),
    "excel-problems": ("发现 {count} 个问题（其中 {errors} 个错误），详见“{sheet}”工作表：",
                       "{count} {count|problem|problems} ({errors} {errors|error|errors}), listed on sheet '{sheet}':"),
    "excel-failed": ("未能完成：", "Could not run:"),
    # report titles
    "title-attendance": ("{office} 考勤统计", "Attendance — {office}"),
    "title-attendance-period": ("{office} 考勤统计（{period}）", "Attendance — {office} ({period})"),
    "code-published": ("公示核验码 {code}（公示期内如有更正，以最新一次为准）",
                       "Publication code {code} (the latest correction's code counts during the objection period)"),
    "code-sealed": ("封单核验码 {code}（封单后不再更改，可用 sectools ranking verify 核对）",
                    "Seal code {code} (sealed: no more changes; check it with sectools ranking verify)"),
    "title-ranking-sealed": ("{office} {week}班级量化考核排名（封单）", "Class assessment ranking — {office}, {week} (sealed)"),
    "title-ranking": ("{office} {week}班级量化考核排名", "Class assessment ranking — {office}, {week}"),
    "title-plans": ("{office} {year}年{month}月{kind}收集情况（截止 {due}）",
                    "Who handed in the {kind} — {office}, {year}-{month} (due {due})"),
    "title-schedule": ("{office} {year}年{month}月工作重点及每周活动安排",
                       "Priorities and weekly activities — {office}, {year}-{month}"),
    "title-kpi-member": ("{office} {period} 成员绩效考核结果", "Appraisal of members — {office}, {period}"),
    "title-kpi-department": ("{office} {period} 部门绩效考核结果", "Appraisal of departments — {office}, {period}"),
    "title-signin": ("{office} {meeting} 签到表", "Sign-in sheet — {office}, {meeting}"),
    "week-n": ("第{n}周", "week {n}"),
    "action-unsure": ("待核实：有无法识别的记录，若都按缺席计则折算缺席 {count} 次、应为“{action}”。请先改正这些记录",
                      "unsure: some records cannot be read; counted as absences they would make {count} and call for "
                      "'{action}'. Fix those records first"),
    "action-pending": ("待核实", "to be checked"),
    "action-unsure-shared-id": ("待核实：学号 {id} 在名册中重复，哪些签到是这个人的无法确定。请先改正名册",
                                "unsure: student id {id} is on more than one roster row, so which sign-ins are this "
                                "person's cannot be told. Correct the roster first"),
    # notice phrases with parameters (the fixed ones are NOTICE_WORDS below)
    "n-week-title": ("{year}年第{n}周", "week {n} of {year}"),
    "n-week-text": ("{title}（{m1}月{d1}日—{m2}月{d2}日）", "{title} ({m1}/{d1}–{m2}/{d2})"),
    "n-handed-in-late": ("已于{date}逾期提交", "handed in late on {date}"),
    "n-weight": ("权重{w}", "weight {w}"),
    "n-chase-subject": ("催交{month}{kind}", "handing in the {kind} of {month}"),
    "n-late-subject": ("{month}{kind}逾期提交", "the {kind} of {month} handed in late"),
    "n-no-lead-overdue": ("另有 {count} 份逾期办件没有写主办部门，无法发催办通知，请先在收文登记里补上主办部门。",
                          "{count} overdue {count|document has|documents have} no lead department and could not be "
                          "chased: fill it in in the register first."),
    "n-tasks-no-lead": ("另有 {count} 件逾期或临期的督办事项没有主办部门，无法发催办通知，请先补上主办部门（见 sectools tasks）。",
                        "{count} overdue or soon-due {count|task has|tasks have} no lead department, so no reminder "
                        "was made for {count|it|them}: give {count|it|them} a lead first (see sectools tasks)."),
    "n-tasks-unverified": ("，另有 {count} 件缺完成时限或状态不明待核实", "; {count} more to be checked (no due date or an unclear status)"),
    "n-semester": ("{year}年{season}季学期", "the {season} semester of {year}"),
    "n-claims-forced": ("注意：按 --force 生成，待报销的采购还有 {count} 个错误，表中的金额未经核实（sectools supplies 列出这些错误）。",
                        "Note: made with --force; the purchases to be reimbursed have {count} {count|error|errors}, "
                        "so the amounts are unchecked (sectools supplies lists them)."),
    "n-intake-pending": ("{department}另有{places}个名额因分数并列待定，确定后另行公示",
                         "{places} more {places|place|places} in {department} await a decision on a tie, to be "
                         "published once decided"),
    "n-intake-forced": ("注意：按 --force 生成，还有 {count} 个错误或并列待定，名单未经核实（sectools intake 列出）。",
                        "Note: made with --force while {count} errors or ties stand: the list is not verified "
                        "(sectools intake lists them)."),
    "n-fund-forced": ("注意：按 --force 生成，账目还有 {count} 个错误，公示中的数字未经核实（sectools fund 列出这些错误）。",
                      "Note: made with --force while the ledger has {count} {count|error|errors}: the figures are "
                      "not verified (sectools fund lists them)."),
    "n-as-of": ("，截至{date}", ", as of {date}"),
    "n-thanks-nameless": ("另有 {count} 笔捐赠没有写捐赠人，没有生成感谢信。请在“捐赠人”一列补上。",
                          "{count} {count|donation has|donations have} no donor named, so no letter was made: fill in "
                          "the donor column."),
    "n-thanks-doubtful": ("{names} 的捐赠那一行有问题（见 sectools fund），没有生成感谢信：改正后再生成，免得写错金额。",
                          "No letter for {names}: the donation's line has a problem (see sectools fund); correct it "
                          "first, so no wrong amount is thanked for."),
    "n-diary-month": ("{year}年{month}月", "{month}/{year}"),
    "n-diary-left-out": ("；未能读取、没有记入：{what}", "; left out, as it could not be read: {what}"),
    "n-diary-day": ("{month}月{day}日", "{month}/{day}"),
    "n-suggested-number": ("{number}（建议编号）", "{number} (suggested)"),
    "n-seal-form-late": ("注意：第 {row} 行的用印日期 {date} 已过仍无审批，已列为违规（未经审批）；这张审批单是补办。",
                         "Note: the use on row {row} was dated {date} and still has no approval — already a breach "
                         "(not approved); this form is an approval after the fact."),
    "n-money-approvers": ("；涉及合同或财物：{names}", "; a contract or money: {names}"),
    "n-bonus": ("奖金{amount}元。", "Bonus: {amount} yuan."),
    "rule-text": ("{scope}折算缺席达到 {n} 次的，{action}", "{scope}: {n} or more counted absences, {action}"),
    "all-meetings": ("全部会议", "all meetings"),
    "n-rule": ("《考勤制度》（{rule}）", "the attendance rules ({rule})"),
    "n-criticism-rule": ("《考勤制度》“对屡次无故缺席，并未能讲明原因者，公开提出批评”（折算缺席达到 {n} 次）",
                         "the attendance rules: repeated unexplained absence is criticised publicly ({n} or more "
                         "counted absences)"),
    "value-at": ("{value}（{cell}）", "{value} ({cell})"),
    "meeting-status": ("{meeting}（{status}）", "{meeting} ({status})"),
    # custom functions (shown by Excel with #VALUE!)
    "cell-not-number": ("{what}里的“{value}”不是数字", "'{value}' among the {what} is not a number"),
    "cell-needs-ranges": ("{func} 算的是报表里的同一个数，需要这些区域：{needs}。",
                          "{func} gives the report's own figure and needs these ranges: {needs}."),
    "cell-attendance-tables": ("签到（流水或台账）、会议、名册、请假（没有请假表就写 \"无请假\"），可以再加 sectools设置 两列区域；"
                               "例：=SEC_RATE(A2, 签到!A1:H900, 会议!A1:G50, 名册!A1:G90, 请假!A1:F40)",
                               "sign-ins (log or ledger), meetings, roster, leave (no leave table: write \"none\"), "
                               "optionally the two-column settings range; e.g. "
                               "=SEC_RATE(A2, Signins!A1:H900, Meetings!A1:G50, Roster!A1:G90, Leave!A1:F40)"),
    "cell-ranking-tables": ("各部门检查记录（可以多个区域）、班级、评分细则；例：=SEC_SCORE(\"会计2301\", \"2026-W10\", "
                            "生活部!A1:F300, 纪检部!A1:F300, 班级!A1:D40, 评分细则!A1:E20)",
                            "every department's inspection records (several ranges allowed), classes, score items; "
                            "e.g. =SEC_SCORE(A2, \"2026-W10\", Dorms!A1:F300, Classes!A1:D40, Items!A1:E20)"),
    "cell-needs-leaves": ("{func} 还需要请假区域（批准的请假不算缺席）；没有请假表就在最后写 \"无请假\"。",
                          "{func} also needs the leave range (approved leave is not an absence); if there is no leave "
                          "table, add \"none\" as the last argument."),
    "cell-same-name": ("名册里有不止一个“{who}”（学号 {ids}），请用学号。",
                       "the roster has more than one '{who}' (ids {ids}); use the id."),
    "cell-not-a-member": ("考勤统计里没有“{who}”：请核对学号或姓名（不在名册、或这段时间不在任的人不统计）。",
                          "'{who}' is not in the attendance figures: check the id or name (people not on the roster, "
                          "or not serving in the period, are not counted)."),
    "cell-no-meetings": ("“{who}”这段时间没有应到的会议，没有出勤率。", "'{who}' had no meetings to attend: no rate."),
    "cell-not-a-class": ("{week} 的排名里没有班级“{who}”。", "the ranking of {week} has no class '{who}'."),
    "cell-unknown-status": ("“{value}”不是考勤状态。可用：{allowed}", "'{value}' is not an attendance status. Use: {allowed}"),
    "argument-n": ("参数{n}", "argument {n}"),
    "cell-count-mismatch": ("得分有 {scores} 个，权重有 {weights} 个，个数应相同",
                            "{scores} scores but {weights} weights: give as many of each"),
    "cell-zero-weights": ("权重之和为 0", "the weights add up to 0"),
    # Excel quickstart and install
    "ops-title": ("sectools 操作页", "sectools buttons"),
    "ops-click": ("点击下面的按钮运行；结果写入 sectools 自己的工作表（考勤统计、部门汇总……），不改动您的数据表。",
                  "Click a button below; results go to sheets sectools owns (Attendance, Departments …), never to your data."),
    "ops-desktop": ("桌面版 Excel：导入 sectools.bas 模块后，把按钮的宏分别指定为 {macros}。",
                    "Desktop Excel: import the sectools.bas module, then assign the buttons the macros {macros}."),
    "ops-server": ("xlwings Server / Lite：按钮已就位，直接点击。", "xlwings Server / Lite: the buttons are in place; click them."),
    "installed": ("已安装：{path}", "Installed: {path}"),
    "install-steps": (
        "在 Windows 版 Excel 中手动安装 sectools 按钮：\n"
        "1. 打开 {book}，按 Alt+F11 打开 VBA 编辑器；“文件 › 导入文件”，选择 {bas}。\n"
        "2. 工作簿里需要 xlwings 模块：用“sectools excel quickstart 文件夹”生成的 考勤工作簿.xlsm 已带有；\n"
        "   或在命令行运行 xlwings addin install 安装 xlwings 加载项。\n"
        "3. 在“操作”工作表：开发工具 › 插入 › 按钮（窗体控件），每个按钮画一个，分别指定宏：\n{macros}\n"
        "4. 在 xlwings.conf 工作表把 Interpreter_Win 设为装有 sectools 的 Python（如 ...\\.venv\\Scripts\\pythonw.exe），\n"
        "   UDF Modules 设为 sectools.excel.functions；另存为 .xlsm。\n"
        "WPS 不支持 xlwings：WPS 用户请使用命令行（sectools attendance 等）。",
        "To add sectools' buttons in Excel for Windows by hand:\n"
        "1. Open {book}, press Alt+F11 for the VBA editor; File › Import File, choose {bas}.\n"
        "2. The workbook needs the xlwings module: the 考勤工作簿.xlsm made by 'sectools excel quickstart FOLDER' has it;\n"
        "   or run xlwings addin install to install the xlwings add-in.\n"
        "3. On the 操作 sheet: Developer › Insert › Button (Form Control); draw one button for each macro:\n{macros}\n"
        "4. On the xlwings.conf sheet set Interpreter_Win to the Python that has sectools (e.g. ...\\.venv\\Scripts\\pythonw.exe)\n"
        "   and UDF Modules to sectools.excel.functions; save as .xlsm.\n"
        "WPS does not support xlwings: WPS users use the command line (sectools attendance and the rest).",
    ),
    # notices list: one line per kind
    "about-会议通知": ("召开会议的通知（默认：下一次会议；--meeting 指定）", "notice of a meeting (default: the next one; --meeting picks another)"),
    "about-考勤提醒": ("对达到提醒标准的成员逐人提醒", "a reminder to each member who reached the reminder threshold"),
    "about-考勤通报": ("对达到通报标准的成员的通报（--for department 按部门，--for member 逐人）", "a report on the members who reached the report threshold (--for department or --for member)"),
    "about-会议纪要": ("会议纪要：出席、请假、缺席名单与议定事项（默认：最近一次会议）", "minutes: present, on leave, absent, and the decisions (default: the latest meeting)"),
    "about-表扬": ("表扬全勤成员", "praise for members with full attendance"),
    "about-通报批评": ("通报批评多次无故缺席的成员", "public criticism of members absent without reason again and again"),
    "about-催办通知": ("催交月度计划/总结（未交、逾期的部门各一份）", "a reminder to hand in the month's plan or summary (one per missing or late department)"),
    "about-考核结果通知": ("绩效考核结果通知（每人一份）", "the appraisal result (one per person)"),
    "about-量化考核公示": ("班级量化考核结果公示（--week 指定周次，默认最近一周）", "the class assessment's public notice (--week picks the week; default: the latest)"),
    "about-文书处理单": ("文书处理单：随文件流转的一页表单（默认：新收的文件；sectools documents form 指定收文编号）",
                        "the handling form that travels with a document (default: the newly received ones; "
                        "sectools documents form picks numbers)"),
    "about-收文催办通知": ("催办逾期办件（主办部门各一份，附将到期的文件）",
                          "a reminder to each lead department with overdue documents (and those due soon)"),
    "about-大事记": ("大事记：本月开过的会、印发的通知（文号）、排名公示和封单、计划总结、收文办结、完成的督办事项和大事记表里的记事",
                  "diary: the month's meetings, notices issued (with numbers), rankings published and sealed, plans, "
                  "documents, tasks done, and the diary table's events"),
    "about-爱心基金收支公示": ("爱心基金收支公示：一学期的期初余额、收入、支出、期末余额（数字和大写），按来源、用途分列",
                      "the charity fund's semester statement: opening, income, expense, closing (in figures and in "
                      "capitals), by source and purpose"),
    "about-爱心基金感谢信": ("爱心基金感谢信：本学期每位捐赠人一封（捐款合计，数字和大写）",
                       "a thank-you letter to each donor of the semester (their gifts, in figures and capitals)"),
    "about-办公用品报销汇总表": ("办公用品报销汇总表：本年度未报销的采购逐笔列出，按经办人、按科目汇总（合计写数字和大写），交财务报销",
                        "the supplies not yet reimbursed, each purchase, per buyer and account, the total in "
                        "figures and capitals — for the finance office"),
    "about-录用名单公示": ("录用名单公示：纳新录用的名单（按部门），公示期和反映问题的方式", "the admission list by department, "
                      "with the objection period"),
    "about-录用通知": ("录用通知：每位录用的同学一份（部门、报到时间地点）", "a letter to each admitted applicant (their "
                    "department, when and where to report)"),
    "about-督办通报": ("督办通报：各部门督办事项的正常、临期、逾期、完成情况和完成率，逾期清单（每周一次）",
                   "task report: each department's tasks on track, due soon, overdue and done, completion rates, the "
                   "overdue list (weekly)"),
    "about-督办催办通知": ("催办逾期和临期的督办事项（主办部门各一份）",
                     "reminders of overdue and soon-due tasks (one per lead department)"),
    "about-用印审批单": ("用印审批单：盖章前交审批人签字（默认：还没有审批人的每一条用印；sectools seals form --row 指定）",
                        "the seal-use form an approver signs before the stamp (default: every use with no approver; "
                        "sectools seals form --row picks rows)"),
    "kpi-missing": ("缺少评分：{names}", "no score for: {names}"),
    "minutes-no-decisions": ("“{meeting}”没有登记议定事项，纪要只写了出席情况。议定事项请填进办公室文件夹里的 {path}"
                             "（没有就新建一个，表头：日期、会议名称、事项、负责人、完成时限），或在 Word 里补写会议内容。",
                             "'{meeting}' has no decisions recorded: the minutes give attendance only. Enter them in "
                             "{path} in the office folder (make it if it is not there: date, meeting, item, owner, due), "
                             "or add the meeting's content in Word."),
    "kpi-no-data-note": ("没有数据：{names}", "no data for: {names}"),
    "kpi-partial-note": ("评分不全，按已有评分计算：{items}", "ratings incomplete, computed from those there are: {items}"),
    "kpi-partial-item": ("{indicator}缺{groups}", "{indicator} lacks {groups}"),
    "kpi-rule-zero": ("按 0 分计", "counted as 0"),
    "kpi-rule-exclude-with-warning": ("不计入总分", "left out of the total"),
    "kpi-not-applicable": ("不适用（所在部门不交月度计划）：{names}", "not applicable (the department hands in no "
                           "monthly plans): {names}"),
    "kpi-basis-attendance": ("考勤统计：出勤 {attended} 次 ÷ 应到 {expected} 次（公假不计），见考勤报表的考勤明细",
                             "attendance: attended {attended} of {expected} (official leave not counted); see the "
                             "attendance report's detail"),
    "kpi-basis-tasks": ("{department}主办的 {due} 件到期督办事项完成 {done} 件，见督办通报",
                        "{department} finished {done} of the {due} supervised {due|task|tasks} due; see the task report"),
    "kpi-basis-plans": ("{department}的月度计划、总结按时上交的比例，见计划总结报表", "{department}'s share of plans and "
                        "summaries handed in on time; see the plans report"),
    "kpi-basis-summaries": ("{department}月度总结的平均完成率，见计划总结报表", "{department}'s mean completion in its "
                            "monthly summaries; see the plans report"),
    "n-missing-zero": ("{x}（缺少评分，按 0 分计）", "{x} (no score, counted as 0)"),
    "n-no-data-zero": ("{x}（没有数据：未交或没有记录，按 0 分计）", "{x} (no data: not handed in or no records, counted as 0)"),
    "n-missing-excluded": ("—（缺少评分，未计入）", "— (no score, left out)"),
    "quota-exceeded": ("超出{grade}名额（{count} 人）", "over the {grade} quota ({count} people)"),
    "all-left-out": ("{count} 次会议尚未召开或没有签到记录，未计入", "{count} meetings not held yet or without sign-ins, not counted"),
    "left-out-no-signins": ("注意：{count} 次会议没有任何签到记录，未计入考勤：{meetings}",
                            "Note: {count} {count|meeting has|meetings have} no sign-ins and {count|was|were} not counted: {meetings}"),
    "left-out-not-held": ("{count} 次会议尚未召开，未计入（最早 {first}）",
                          "{count} {count|meeting|meetings} not held yet, not counted (the first on {first})"),
    "signin-qr-caption": ("扫码签到：请到场后扫描下方二维码", "Sign in by QR code: scan the code below on arrival"),
    "trace-late-absent": ("{time} 签到，会议 {start} 开始：迟到超过 {minutes} 分钟按缺席",
                          "signed in at {time}, the meeting began at {start}: more than {minutes} minutes late counts "
                          "as absent"),
    "trace-scan-missed": ("扫码时间 {time} 不在签到时间（{window}）内，未计入",
                          "scanned at {time}, outside the sign-in window ({window}): not counted"),
    "arrival-only": ("{count} 次会议用扫码签到（{meetings}）：表单只记到达时间，看不出早退，这些会议的早退没有统计",
                     "{count} {count|meeting was|meetings were} signed in by QR form ({meetings}): a form records "
                     "arrival only, so leaving early cannot be seen there and is not counted"),
    "range-reversed": ("截止日期 {end} 早于起始日期 {start}", "the last day {end} is before the first day {start}"),
    "kinds-known": ("会议表中的类型有：{kinds}", "the meetings table has the kinds {kinds}"),
    "date-range": ("{start} 至 {end}", "{start} to {end}"),
    "signin-heading": ("{title} {when} {place}", "{title} {when} {place}"),
    "signin-when": ("会议时间：{when}    地点：{place}", "Time: {when}    Place: {place}"),
    "signin-people": ("主持人：{host}    记录人：{recorder}    参会范围：{scope}",
                      "Chair: {host}    Minutes: {recorder}    Expected: {scope}"),
    "signin-counts": ("应到 {count} 人    实到 ____ 人    请假 ____ 人    缺席 ____ 人",
                      "Expected {count}    Present ____    On leave ____    Absent ____"),
    "signin-recorder": ("记录人签字：______________", "Recorded by: ______________"),
    "page-footer": ("第 &P 页，共 &N 页", "Page &P of &N"),
    "leave-note": ("{kind}（{state}）", "{kind} ({state})"),
    "approved": ("已批准", "approved"),
    "not-approved": ("未批准", "not approved"),
    # phrases inside problem messages (sectools.messages.W)
    "none": ("（无）", "(none)"),
    "allowed-marks": ("√ ✓ 到 出席 / 迟 迟到 / 早 早退 / 假 事假 / 病 病假 / 公 公假 / × 缺席 旷会，或签到时间如 19:05",
                      "√ ✓ 到 出席 (present) / 迟 迟到 (late) / 早 早退 (left early) / 假 事假, 病 病假, 公 公假 (leave) / "
                      "× 缺席 旷会 (absent), or a sign-in time such as 19:05"),
    "scope-allowed": ("全体、部门名称（如 {examples}）、职务（如 部长、干事）或 部长级",
                      "全体 (everyone), a department (such as {examples}), a post (such as 部长, 干事) or 部长级"),
    "id-not-in-roster": ("学号不在名册中", "the id is not in the roster"),
    "id-not-in-roster-other": ("学号不在名册中；名册里的{name}学号是 {id}", "the id is not in the roster; {name}'s id there is {id}"),
    "name-not-in-roster": ("姓名不在名册中", "the name is not in the roster"),
    "signins-required": ("学号/姓名、日期/会议名称、状态/签到时间", "学号/姓名 (id/name), 日期/会议名称 (date/meeting), "
                         "状态/签到时间 (status/time)"),
    "meetings-empty": ("会议表为空", "the meetings table is empty"),
    "not-in-meetings": ("会议表中没有", "not in the meetings table"),
    "no-meetings-in-range": ("{start} 至 {end}、类型 {kind} 没有会议", "no meeting from {start} to {end} of kind {kind}"),
    "no-meeting-held": ("截至 {today} 还没有开过会", "no meeting held by {today}"),
    "not-appraised": ("不在本期考核名单中", "not appraised this period"),
    "not-docx": ("不是 Word 文档：{error}", "not a .docx: {error}"),
    "docx-no-document": ("缺少 word/document.xml", "word/document.xml is missing"),
    "libreoffice-timeout": ("LibreOffice 超时", "LibreOffice timed out"),
    "month-name": ("{year}年{month}月", "{year}-{month}"),
    "form-field-department": ("部门", "department"),
    "parts-over": ("{part} 等部件超过 {size}", "{part} and other parts exceed {size}"),
    "parts-count": ("{count} 个部件", "{count} parts"),
    "chart-top": ("总分（前 {n} 名）", "Total (top {n})"),
    "chart-bottom": ("总分（后 {n} 名）", "Total (bottom {n})"),
    # what a plan form's problem is, in a few words (the 总览 sheet's 问题 column; the code sits beside it)
    "short-duplicate-submission": ("交了不止一份（用最新的）", "handed in twice (the newest is used)"),
    "short-no-items": ("没有工作条目", "no work items"),
    "short-wrong-month": ("月份不对", "wrong month"),
    "short-unknown-department": ("部门不在名单中", "department not on the list"),
    "short-form-field-missing": ("缺少部门", "department missing"),
    "short-form-kind-unknown": ("看不出是计划还是总结", "neither plan nor summary"),
    "short-corrupt-workbook": ("文件损坏，打不开", "damaged file"),
    "short-corrupt-document": ("Word 文件损坏，打不开", "damaged Word file"),
    "short-document-too-large": ("文件过大，未读取", "too large, not read"),
    "short-workbook-too-large": ("文件过大，未读取", "too large, not read"),
    "short-not-a-workbook": ("不是表格或 Word 文件", "not a workbook or Word file"),
    "short-password-protected": ("有密码，打不开", "password-protected"),
    "short-file-empty": ("空文件", "empty file"),
    "records-diff": ("：{changes}", ": {changes}"),
    "record-gone": ("少了 {record}", "{record} gone"),
    "record-new": ("多了 {record}", "{record} added"),
    "render-too-big": ("生成的内容超过 {limit} 字", "more than {limit} characters made"),
    "render-too-slow": ("运行超过 {seconds} 秒", "ran over {seconds} seconds"),
    "render-too-many-steps": ("循环超过 {limit} 步", "loops ran over {limit} steps"),
    "render-big-number": ("数值过大：{value}", "number too large: {value}"),
    "template-no-include": ("模板不能用 {tag} 引用其他文件，请把内容直接写进模板",
                            "a template cannot {tag} other files; put the text in the template itself"),
    "costly-memory": ("需要超过 {memory} 内存", "needed more than {memory} of memory"),
    "costly-time": ("超过了 {seconds} 秒", "took over {seconds} seconds"),
    "costly-died": ("读取进程意外退出（多半是内存不够）", "the reading process died (most likely out of memory)"),
    "ratio-limit": ("{size}（文件大小的 {ratio} 倍）", "{size} ({ratio} times the file's size)"),
    "more-than": ("不少于 {count}", "at least {count}"),
    "declared-size": ("声明解压后 {size}", "{size} declared uncompressed"),
    "not-an-id": ("不是编号", "not an id"),
    "id-has-fraction": ("含小数", "has a fraction"),
    "sniff-pdf": ("PDF 文件", "a PDF file"),
    "sniff-html": ("网页或 XML 文件", "a web page or XML file"),
    "sniff-rtf": ("RTF 文件", "an RTF file"),
    "toml-wide-punctuation": ("{detail}；这一行有中文标点 {chars}：引号、逗号、等号、方括号要用英文半角 \" , = [ ]，"
                              "请切换到英文输入法重打",
                              "{detail}; this line has full-width punctuation {chars}: quotes, commas, equals signs "
                              "and brackets must be the plain \" , = [ ]"),
    "toml-written-twice": ("{detail}——同一个设置写了两次（比如模板里原有的一行没删，又加了一行）。请删掉其中一行，或直接改原来那一行",
                           "{detail} — one setting is written twice (a line of the template left, another added). "
                           "Remove one of them, or change the original line"),
    "toml-quote-keys": ("{detail}；中文键名要加英文引号，如 \"自评\" = 10", "{detail}; quote non-ASCII keys, as in \"自评\" = 10"),
    "sniff-docx": ("Word 文档", "a Word document"),
    "sniff-pptx": ("PowerPoint 演示文稿", "a PowerPoint file"),
    "sniff-odf": ("OpenDocument 文件", "an OpenDocument file"),
    "sniff-zip": ("zip 压缩包", "a zip archive"),
    "file-size": ("文件 {size}", "the file is {size}"),
    "sniff-unknown": ("无法识别的文件内容", "unrecognised content"),
    "ole-not-excel": ("Office 97-2003 文件，但不是 Excel 工作簿", "an Office 97-2003 file that is not a workbook"),
    "incomplete-zip": ("不是完整的 zip 压缩包：{error}", "not a complete zip: {error}"),
    "csv-encoding": ("CSV 编码无法识别（应为 UTF-8 或 GBK）", "CSV encoding not UTF-8 or GBK"),
    "lock-file": ("发现锁文件 {name}", "lock file {name}"),
    "seals-summary": ("共 {uses} 次用印：违规 {violation}，待核实 {unverified}，待审批 {pending}，合规 {ok}",
                      "{uses} {uses|use|uses}: {violation} in breach, {unverified} to be checked, {pending} awaiting "
                      "approval, {ok} in order"),
    "forms-made": ("{kind}：{count} 张，{files} 个文件", "{kind}: {count}, {files} {files|file|files}"),
    "title-incoming": ("{office} 收文办理情况（截至 {date}）", "{office}: incoming documents (as of {date})"),
    "incoming-note": ("红：逾期或待核实；黄：{soon} 个工作日内到期，或阅件没写传阅；蓝：在办、传阅中；绿：已办结。"
                      "办理时限没写的按默认计（见问题清单）。",
                      "Red: overdue or to be checked; yellow: due within {soon} working days, or a document for "
                      "reading with nobody to read it; blue: in progress or circulating; green: done. A missing due "
                      "date is taken by default (see the problems)."),
    "incoming-suggested": ("（建议）{number}", "(suggested) {number}"),
    "incoming-summary": ("共 {docs} 份收文：逾期 {overdue}，临期 {soon}，在办 {open}，传阅中 {reading}，待核实 {unverified}，"
                         "已办结 {done}（其中逾期办结 {late}）",
                         "{docs} {docs|document|documents}: {overdue} overdue, {soon} due soon, {open} in progress, "
                         "{reading} circulating, {unverified} to be checked, {done} finished ({late} late)"),
    "task-source-decision": ("{where} 第{n}项", "{where} item {n}"),
    "task-source-document": ("收文 {number}", "incoming {number}"),
    "task-source-row": ("收文登记第{row}行", "incoming register row {row}"),
    "title-diary": ("{office} 大事记（{month}）", "{office}: diary ({month})"),
    "diary-note-left-out": ("未能读取、没有记入的部分：{what}（原因见问题清单）。", "Left out, as it could not be read: {what} (see the problems)."),
    "diary-meeting": ("召开{meeting}", "{meeting} held"),
    "diary-activity": ("举办{meeting}", "{meeting} held"),
    "diary-no-signins": ("，未登记签到", "; no sign-ins recorded"),
    "diary-people": ("，{people}参加", "; taking part: {people}"),
    "diary-number": ("（{number}）", " ({number})"),
    "diary-notice-about": ("印发{kind}（{about}，{number}）", "{kind} issued ({about}, {number})"),
    "diary-place": ("（{place}）", " ({place})"),
    "diary-attendance": ("，应到 {expected} 人，实到 {attended} 人", "; {attended} of {expected} attended"),
    "diary-notice": ("印发{kind}（{number}）", "{kind} issued ({number})"),
    "diary-ranking": ("公示{week}班级量化考核结果", "class ranking of {week} published"),
    "diary-flags": ("，流动红旗：{classes}", "; red flags: {classes}"),
    "diary-ranking-sealed": ("{week}班级量化考核结果封单", "class ranking of {week} sealed"),
    "diary-what-plan": ("{month}月工作计划", "the plans for month {month}"),
    "diary-what-summary": ("{month}月工作总结", "the summaries for month {month}"),
    "diary-plans": ("收取各部门{what}：按时 {on_time} 个部门，逾期 {late} 个，未交 {missing} 个",
                    "{what} collected: {on_time} on time, {late} late, {missing} missing"),
    "diary-plans-missing": ("（未交：{names}）", " (missing: {names})"),
    "diary-received": ("收到{sender}《{title}》{number}", "received from {sender}: {title}{number}"),
    "diary-doc-done": ("《{title}》{number}办结，{lead}主办", "{title}{number} finished, led by {lead}"),
    "diary-task-done": ("督办事项“{title}”完成，{lead}主办", "supervised task '{title}' done, led by {lead}"),
    "diary-summary": ("{month} 大事记：{entries} 条（会议 {meetings}，通知 {notices}，量化考核 {rankings}，计划总结 {plans}，"
                      "收文 {documents}，督办 {tasks}，大事记表 {events}）",
                      "{month} diary: {entries} {entries|entry|entries} ({meetings} meetings, {notices} notices, "
                      "{rankings} rankings, {plans} plans, {documents} documents, {tasks} tasks, {events} from the "
                      "diary table)"),
    "year-usage": ("“{value}”不是年度，应写成 2026、2026年度 或 2025-2026学年", "'{value}' is not a year: write e.g. 2026 or 2025-2026"),
    "semester-usage": ("“{value}”不是学期，应写成 2026春、2026秋、2026年春季学期、2026-2027学年第一学期、本学期或上学期",
                       "'{value}' is not a semester: write e.g. 2026spring, 2026autumn, or leave it out"),
    "title-supplies": ("{office} 办公用品与预算（{year}）", "{office}: office supplies and budget ({year})"),
    "title-stock": ("{office} 办公用品库存", "{office}: supplies in stock"),
    "title-claims": ("{office} 办公用品报销汇总（{year}）", "{office}: supplies to reimburse ({year})"),
    "supplies-handler-total": ("{who} 小计", "{who}: subtotal"),
    "supplies-note": ("{year}：{start} 至 {end}。执行比例 = 已支出 ÷ 预算金额；达到 {warn} 预警（黄），超过预算为超支（红）。"
                      "金额没写时按 数量 × 单价 计（四舍五入到分）；期初库存不算支出。",
                      "{year}: {start} to {end}. Share = spent ÷ budget; from {warn} a warning (yellow), past the "
                      "budget overspent (red). With no amount written, quantity × unit price (rounded to the fen); "
                      "opening stock is not spending."),
    "supplies-summary": ("{year} 办公用品：采购 {purchases} 笔，领用 {issues} 笔；预算 {budget_shown}，已支出 {spent_shown}"
                         "（{warned} 个科目预警或超支）；待报销 {claims} 笔，{claimed_shown} 元",
                         "{year} supplies: {purchases} {purchases|purchase|purchases}, {issues} "
                         "{issues|issue|issues}; budget {budget_shown}, spent {spent_shown} ({warned} "
                         "{warned|account|accounts} warned or over); {claims} to reimburse, {claimed_shown}"),
    "title-intake": ("{office} 纳新结果", "{office}: intake"),
    "title-intake-part": ("{office} 纳新结果：{part}", "{office}: intake — {part}"),
    "title-supplies-part": ("{office} 办公用品{part}（{year}）", "{office}: supplies — {part} ({year})"),
    "intake-tied-for": ("并列待定：{dep}", "tied: {dep}"),
    "intake-depends": ("{how}（取决于{names}的并列）", "{how} (depends on the tie of {names})"),
    "intake-note": ("总分 = 各项标准按权重（{weights}）的加权平均；{how}同分按并列处理，名额不够时列为并列待定，由办公室决定。",
                    "Score = the criteria weighted ({weights}); {how}equal scores are ties, held for the office's "
                    "decision when the places run out."),
    "intake-roster-note": ("新录用的 {added} 人加在最后（职务干事、状态在任、入职日期 {date}）。核对后，用它替换原来的名册（原名册没有改动）。",
                           "The {added} admitted are added at the end (as members in post, joined {date}). Look it "
                           "over, then use it in place of the old roster (which is unchanged)."),
    "intake-summary": ("纳新：报名 {applicants} 人，面试 {interviewed} 人（面试官 {interviewers} 位），录用 {admitted} 人，"
                       "并列待定 {tied} 人；名额 {places}，剩余 {left}",
                       "Intake: {applicants} applied, {interviewed} interviewed ({interviewers} interviewers), "
                       "{admitted} admitted, {tied} tied; {places} places, {left} left"),
    "intake-roster-made": ("新名册：原有 {members} 人，加入 {added} 人", "New roster: {members} members, {added} added"),
    "title-archive-diff": ("{office} 名册变动（{before} → {after}）", "{office}: roster changes ({before} → {after})"),
    "archive-applied-note": ("按考勤制度处理的 {count} 人已改状态：{names}。核对后，用它替换原来的名册（原名册没有改动）。",
                             "{count} {count|member|members} changed by the attendance rules: {names}. Look it over, "
                             "then use it in place of the old roster (which is unchanged)."),
    "archive-snapshot-made": ("{semester} 名册已存档：{members} 人（在任 {active} 人），存档核验码 {hash}（请记下，日后对照），存于 {folder}",
                              "{semester}: the roster archived, {members} members ({active} active), archive code "
                              "{hash} (note it down to compare later), in {folder}"),
    "archive-diff-summary": ("{before} → {after}：{changes} 项变动（加入 {joined}，退出 {left}，撤职 {dismissed}，"
                             "调整部门 {moved}，职务变动 {posts}）",
                             "{before} → {after}: {changes} {changes|change|changes} ({joined} joined, {left} left, "
                             "{dismissed} dismissed, {moved} moved, {posts} posts changed)"),
    "archive-applied": ("按考勤制度改了 {applied} 人的状态（未确定的 {skipped} 人没有改）", "{applied} members' status "
                        "set by the attendance rules ({skipped} uncertain left as they are)"),
    "archive-nothing-to-apply": ("考勤处理名单里没有撤职或退出的，名册不用改。", "No one is to be dismissed or to leave by the "
                                 "attendance rules: the roster stays as it is."),
    "archive-who": ("{name}（{id}）的履历：", "{name} ({id}):"),
    "archive-list-line": ("{semester}（{start} 至 {end}）：{members} 人，{taken_at} 存档，存档核验码 {code}，校验通过",
                          "{semester} ({start} to {end}): {members} members, archived {taken_at}, archive code "
                          "{code}, verified"),
    "archive-none": ("还没有存档。每学期用 sectools archive snapshot 存一次名册。", "Nothing archived yet: take a snapshot "
                     "each semester with sectools archive snapshot."),
    "title-fund": ("{office} 爱心基金收支（{period}）", "{office}: charity fund ({period})"),
    "fund-period": ("{label}：{start} 至 {end}", "{label}: {start} to {end}"),
    "fund-note": ("期初余额 {opening}，收入 {income}，支出 {expense}，期末余额 {closing}（{closing_words}）。余额按日期逐笔计算；"
                  "超过当时余额的支出不可能照此付出，不计入（标“未计入”）。",
                  "Opening {opening}, income {income}, expense {expense}, closing {closing} ({closing_words}). The "
                  "balance runs line by line in date order; a payment above the balance at the time is not counted."),
    "fund-summary": ("{period} 爱心基金：{lines} 笔（其中 {left_out} 笔未计入），期初余额 {opening_shown}，收入 {income_shown}，"
                     "支出 {expense_shown}，期末余额 {closing_shown}",
                     "{period} charity fund: {lines} {lines|line|lines} ({left_out} not counted), opening "
                     "{opening_shown}, income {income_shown}, expense {expense_shown}, closing {closing_shown}"),
    "title-tasks": ("{office} 督办通报（截至 {date}）", "{office}: supervised tasks (as of {date})"),
    "tasks-note": ("红：逾期或待核实；黄：{soon} 个工作日内到期；蓝：正常推进；绿：已完成。要登记一件议定事项或收文的进展、延期，"
                   "在督办台账加一行，把这里的“来源”复制到来源列即可，事项不必重抄。",
                   "Red: overdue or to be checked; yellow: due within {soon} working days; blue: on track; green: done. "
                   "To record progress or an extension of a decision or a document, add a row to the task register "
                   "and copy its source from here: the task need not be typed again."),
    "tasks-summary": ("共 {tasks} 件督办事项：逾期 {overdue}，临期 {soon}，正常 {normal}，待核实 {unverified}，已完成 {done}"
                      "（其中逾期完成 {late}），已撤销 {cancelled}",
                      "{tasks} {tasks|task|tasks}: {overdue} overdue, {soon} due soon, {normal} on track, {unverified} "
                      "to be checked, {done} done ({late} late), {cancelled} cancelled"),
    "title-seals": ("{office} 用印统计（{period}）", "{office}: seal uses ({period})"),
    "seal-period-month": ("{month}", "{month}"),
    "excel-mark": ("（{mark} 生成，每次运行整页替换，请勿在此页录入）", " (made by {mark}; replaced whole on every run — do not type here)"),
}


def text(key: str, lang: str = "zh-CN", **params) -> str:
    """One of sectools' own lines in ``lang``; params (names, paths, clerks' values) are never converted."""
    zh, en = TEXTS[key]
    return _say(zh, en, lang, params)


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _say(zh: str, en: str, lang: str, params: dict) -> str:
    lang = normalize_lang(lang)
    if lang == "en":  # {n|row|rows}: the word that agrees with the number n
        en = _PLURAL.sub(lambda m: m.group(2) if params.get(m.group(1)) == 1 else m.group(3), en)
    template = en if lang == "en" else (to_traditional(zh) if lang == "zh-TW" else zh)
    return template.format_map(_Default({k: _plain(v, lang) for k, v in params.items()}))


def _plain(v, lang: str) -> str:
    if isinstance(v, Term):
        return v.render(lang)
    if v is None:
        return "—"
    if isinstance(v, str):
        return v
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


# ---- the words of sectools' report workbooks: sheet names, column headers, chart titles ----------
# zh-CN → en; zh-TW is made from zh-CN.  A report uses L("学号"); a word missing here is a KeyError.
LABELS: dict[str, str] = {
    # attendance
    "成员考勤": "Members", "部门汇总": "Departments", "按周": "Weeks", "会议明细": "Meetings", "处理名单": "Actions",
    "考勤统计": "Attendance", "学号": "ID", "姓名": "Name", "部门": "Department", "职务": "Post", "应到": "Expected",
    "出席": "Present", "迟到": "Late", "早退": "Left early", "事假": "Personal leave", "病假": "Sick leave",
    "公假": "Official leave", "缺席": "Absent", "无法识别": "Unreadable", "其中公假": "of which official leave",
    "出勤率 = 实到 ÷（应到 − 公假）：公假既不算出席也不算缺席。":
        "Rate = attended ÷ (expected − official leave): official leave counts as neither present nor absent.", "待核实": "To be checked", "折算缺席": "Counted absences", "出勤率": "Rate",
    "最长连续缺席": "Longest absence run", "处理": "Action", "人数": "Members", "实到": "Attended",
    "迟到/早退": "Late/early", "请假": "Leave", "日期": "Date", "开始": "Start", "会议": "Meeting", "类型": "Kind",
    "地点": "Place", "缺席名单": "Absent (names)", "请假名单": "On leave (names)",
    "迟到/早退名单": "Late or early (names)", "周": "Week",
    "周一": "Monday", "会议数": "Meetings", "全体": "All", "依据": "Rule", "通知": "Notice", "相关会议": "Meetings counted",
    "各部门出勤率": "Attendance rate by department", "每周出勤率（全体）": "Weekly attendance rate (everyone)",
    "没有达到处理标准的成员。": "No one reached a threshold.",
    "考勤明细": "Detail", "结果": "Status", "来源": "Record", "记录位置": "Where", "请假记录": "leave request",
    "签到记录": "sign-in", "无记录": "none", "扫码（未计入）": "scan (not counted)", "没有签到或请假记录，记缺席": "no sign-in or leave record: absent",
    # sign-in sheet
    "签到表": "Sign-in sheet", "序号": "No.", "签到时间": "Signed in", "本人签名": "Signature", "备注": "Note",
    # ranking
    "排名": "Ranking", "年级": "Grade", "班级": "Class", "得分": "Score", "加分": "Bonuses", "扣分": "Deductions", "加分合计": "Bonuses in all", "扣分合计": "Deductions in all",
    "流动红旗": "Red flag", "严重违纪": "Serious violation", "是": "yes",
    "得分明细": "Detail", "项目": "Item", "次数": "Count", "分值": "Points", "已达周上限": "weekly cap reached",
    "本周没有计分的检查记录。": "No inspection record counted this week.",
    # plans
    "总览": "Overview", "提交时间": "Handed in", "状态": "Status", "条目数": "Items", "完成率": "Completion",
    "问题": "Problems", "文件": "File", "全部条目": "All items", "工作项目": "Work item", "具体内容": "Details",
    "时间安排": "When", "负责人": "Owner", "预期目标": "Goal", "完成情况": "Done", "完成说明": "Remarks",
    "计划外": "Unplanned", "计划外工作": "Unplanned work", "没有计划外工作。": "No unplanned work.",
    "按时": "on time", "逾期": "late", "未交": "missing", "已交（不完整）": "incomplete", "月度工作计划": "monthly plan",
    "月度工作总结": "monthly summary", "学期工作总结": "semester summary", "每周活动安排": "Weekly schedule",
    "周次": "Week", "本月内": "this month",
    # appraisal
    "考核结果": "Results", "绩效考核": "Appraisal", "总排名": "Rank", "部门内排名": "Rank in department",
    "评分明细": "Detail", "评分人": "Rater", "分数": "Score", "计算依据": "Basis",
    "总分": "Total", "等级": "Grade", "奖金（元）": "Bonus (yuan)", "说明": "Note", "指标与权重": "Indicators",
    "指标": "Indicator", "类别": "Category", "权重": "Weight", "评分方式": "Method", "数据来源": "Source",
    "满分": "Full marks", "加减分": "bonuses and deductions",
    # seals
    "用印记录": "Uses", "用印统计": "Seal uses", "月度统计": "By month", "印章": "Seal", "印章一览": "Seals", "印章名称": "Seal",
    "文件名称": "Document", "用途": "Purpose", "份数": "Copies", "经办人": "Handled by", "审批人": "Approved by",
    "审批日期": "Approved on", "合同或财物": "Contract or money", "登记位置": "Where", "月份": "Month",
    "用印次数": "Uses", "违规次数": "Violations", "保管人": "Keeper", "审批权限": "May approve", "最近一次": "Last used",
    "启用日期": "In use since", "停用日期": "Out of use from", "违规": "violation", "待审批": "awaiting approval",
    "合规": "in order", "全部": "all", "这段时间没有用印记录。": "No seal was used in this period.",
    "未经审批": "not approved", "先盖章后审批": "stamped before approval", "审批人无权批准": "approver not authorised",
    "合同或财物须更高一级签批": "contract or money needs a higher approval", "印章不在使用中": "seal not in use",
    "空白纸张盖章": "stamp on blank paper", "审批人无法核实": "approver cannot be checked",
    "审批人同名": "approver's name is shared", "缺审批日期": "approval undated", "印章未登记": "seal not registered",
    "印章未定审批权限": "seal has no approvers", "未写是否涉及合同或财物": "contract or money not stated",
    # incoming documents
    "收文情况": "Documents", "收文办理": "Incoming documents", "收文编号": "No.", "收文日期": "Received",
    "来文单位": "From", "来文字号": "Their ref.", "标题": "Title", "紧急程度": "Urgency", "主办部门": "Lead",
    "会办部门": "Also handled by", "办理时限": "Due", "时限来源": "Due date", "默认": "default",
    "剩余或逾期工作日": "Working days left or overdue", "办结日期": "Finished", "办理结果": "Result", "未阅": "Not read by",
    "按部门": "By department", "办理中": "in progress", "临期": "due soon", "已办结": "finished",
    "逾期办结": "finished late", "会办": "helping with", "未阅名单": "Unread", "未分发": "not circulated",
    "传阅中": "circulating", "已阅毕": "read by all", "收文登记里还没有文件。": "No document is registered yet.",
    "所有阅件都已阅毕。": "Every document for reading has been read by all.", "办件": "for action", "阅件": "for reading",
    # supervised tasks (督办)
    "督办等级": "Level", "事项来源": "Source", "编号": "No.", "事项": "Task", "责任人": "Responsible", "交办日期": "Assigned",
    "完成时限": "Due", "原时限": "Due before extension", "最新进展": "Latest progress", "完成日期": "Finished", "督办事项": "Tasks",
    "督办总数": "Tasks", "正常": "on track", "已完成": "done", "逾期完成": "done late", "已撤销": "cancelled",
    "近7日新交办": "New in 7 days", "近7日完成": "Done in 7 days", "到期事项": "Due so far", "逾期清单": "Overdue",
    "逾期工作日": "Working days overdue", "未列入督办": "Not supervised", "议定事项": "Decision", "未定主办": "no lead",
    "未开始": "not started", "进行中": "in progress", "已延期": "extended", "督办通报": "Task report",
    "还没有督办事项。": "No task is supervised yet.",
    "完成率 = 已完成 ÷ 到期事项（已撤销的不计）。": "Completion = done ÷ due so far (cancelled ones left out).",
    "没有逾期的督办事项。": "No task is overdue.",
    "这些议定事项没有负责人和完成时限，不列入督办。要督办的，请补写负责人和完成时限。": "These decisions have no person responsible and no due date, so they are not supervised. To supervise one, give it both.",
    # 大事记
    "出处": "Recorded in", "大事记汇编": "Diary compiled", "大事记": "Diary", "量化考核": "Class ranking", "计划总结": "Plans", "收文": "Incoming", "督办": "Tasks", "其他": "Other", "这个月还没有可记载的事项。": "Nothing to record for this month yet.",
    # 爱心基金
    "金额无法识别，未计入": "amount unreadable, not counted", "结转额与余额不符": "carried amount differs",
    "爱心基金收支": "Charity fund", "收支同行": "income and expense on one line", "无金额": "no amount", "缺凭证号": "no voucher",
    "缺资助对象": "no beneficiary", "透支，未计入": "overdraft, not counted", "凭证号重复": "voucher used twice",
    "未计入": "not counted", "收支明细": "Ledger", "摘要": "Summary", "收入": "Income", "支出": "Expense", "余额": "Balance", "经手人": "Handled by", "凭证号": "Voucher", "资助对象或捐赠人": "Beneficiary or donor", "收支汇总": "Totals", "笔数": "Lines", "金额": "Amount", "大写": "In words", "期初余额": "Opening balance", "收入合计": "Total income", "支出合计": "Total expense", "期末余额": "Closing balance",
    # 办公用品
    "金额≠数量×单价": "amount ≠ quantity × price", "金额无法识别": "amount unreadable",
    "缺发票号": "no invoice", "发票号重复，未计入": "invoice entered twice, not counted",
    "数量不对，未计入库存": "quantity not above zero, not in stock", "日期未到": "date still to come", "未列科目": "no account",
    "科目不在预算内": "account not budgeted", "无此物品，未计入": "no such item, not counted",
    "超出库存，未计入": "more than in stock, not counted", "部门不在名单内": "unknown department",
    "预警": "warning", "超支": "overspent", "无预算": "no budget", "预算执行": "Budget",
    "科目": "Account", "预算金额": "Budget", "已支出": "Spent", "剩余": "Remaining", "执行比例": "Share spent",
    "合计": "Total", "采购明细": "Purchases", "物品": "Item", "数量": "Quantity", "单位": "Unit", "单价": "Unit price",
    "报销状态": "Claim", "发票号": "Invoice", "期初库存": "opening stock", "未报销": "to claim",
    "已报销": "reimbursed", "这一年还没有采购记录。": "No purchase this year yet.", "库存": "Stock", "期初": "Opening",
    "购入": "Bought", "领用": "Issued", "结存": "In stock",
    "库存按日期逐笔计算（全部年份）：购入加、领用减；超出库存的领用不计入，见“问题”。": "Stock runs by date over every year: purchases in, issues out; an issue beyond the stock is not counted (see the findings).",
    "领用月报": "Issued by month",
    "这一年还没有领用记录。": "Nothing issued this year yet.", "领用明细": "Issues", "领用人": "Taken by",
    "领用后结存": "In stock after", "报销汇总": "To reimburse", "问题或大写": "Findings or in words",
    "未报销的采购（报销状态空着的算未报销），按经办人列出，交财务报销。": "Purchases not yet reimbursed (a blank claim counts as not), by who bought them, for the finance office.",
    "没有待报销的采购。": "Nothing to reimburse.",
    # 纳新
    "否": "no", "第一志愿": "First choice", "第二志愿": "Second choice", "服从调剂": "Accepts others",
    "面试次数": "Interviews", "录用部门": "Admitted to", "录用方式": "By", "录用": "admitted", "并列待定": "tied",
    "未录用": "not admitted", "未面试": "not interviewed", "不录用": "declined", "调剂": "adjusted", "名额": "Places",
    "待定名额": "Places held", "剩余名额": "Places left", "录用名单": "Admitted", "面试官": "Interviewer",
    "面试人数": "Applicants", "平均分": "Mean", "标准差": "Spread", "比全体平均": "Against the panel",
    "标准化": "Standardised", "各部门录用": "Departments", "纳新排名": "Ranking", "还没有报名。": "No application yet.",
    "各面试官的打分先标准化（z 分数），再换回全体面试官的分数尺度；": "each interviewer's scores standardised (z-scores), then put back on the panel's scale; ",
    "按原始分；": "raw scores; ",
    "并列待定：分数相同、名额不够，由办公室决定（在报名表的“录用决定”一列写 录用 或 不录用），再运行一次。": "Tied: equal scores for too few places; the office decides (admit or decline in the applications' decision column) and runs it again.",
    "比全体平均为负：打分偏严；标准化后，偏严或偏宽的面试官不影响他面试的人的名次。": "Below the panel: a strict interviewer; once standardised, a strict or lenient interviewer moves nobody they scored.",
    # 档案
    "撤职": "dismissed", "档案变动": "Roster changes", "变动": "Change", "变动前": "Before", "变动后": "After", "加入": "joined",
    "退出": "left", "调整部门": "moved department", "职务变动": "post changed", "现在": "now",
    "两次之间名册没有变动。": "The roster did not change between the two.", "在册": "on the roster",
    "重新在册": "back on the roster", "不在名册": "not on the roster",
    # problems
    "问题清单": "Problems", "工作表": "Sheet", "单元格": "Cell", "级别": "Severity", "代码": "Code", "原值": "Value",
    "错误": "error", "警告": "warning",
}


def L(zh: str) -> Term:
    """A report word (sheet name, header, chart title) as a Term; it must be in :data:`LABELS`.
    One Term per word (Terms are never changed): a 200,000-row sheet holds the same few."""
    t = _LABEL_TERMS.get(zh)
    if t is None:
        t = _LABEL_TERMS[zh] = Term(zh, LABELS[zh])
    return t


_LABEL_TERMS: dict[str, Term] = {}


# The fixed phrases sectools writes into notices (zh-CN → en; zh-TW is made from zh-CN).
NOTICE_WORDS: dict[str, str] = {
    "按第二志愿": "by your second choice", "服从调剂": "placed in another department, as you accepted",
    "已阅": "read", "（默认）": " (default)", "未定主办": "no lead department", "期初余额": "opening balance",
    "本期收入": "income", "本期支出": "expense", "期末余额": "closing balance",
    "春": "spring", "秋": "autumn",
    "未规定": "not set", "有权审批的负责人": "an authorised officer", "待审批": "awaiting approval",
    "本学期": "this semester", "时间另行通知": "time to be announced", "另行通知": "to be announced",
    "全体成员": "all members", "主席团": "the presidium", "秘书处": "the secretariat", "各部门": "all departments",
    "未填部门": "no department", "无": "none", "本次会议无议定事项": "no decisions at this meeting",
    "（流动红旗）": " (red flag)", "中国式排名，并列名次不占位（1、2、2、3）": "ties share a rank (1, 2, 2, 3)",
    "并列名次占位（1、2、2、4）": "ties take their places (1, 2, 2, 4)", "尚未提交": "not handed in yet", "直接加减分": "added to the total as it is",
    "《考勤制度》": "the attendance rules", "已提交，但没有填写工作条目": "handed in, but with no work items", "月度工作计划": "monthly plan", "月度工作总结": "monthly summary",
    "学期工作总结": "semester summary",
}


# click's own words (usage errors, help headings), as a clerk should read them in Chinese.  English is
# click's own text.  Installed by sectools.cli.
CLICK_WORDS: dict[str, str] = {
    "Usage:": "用法：",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看说明。",
    "Error: {message}": "错误：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "Invalid value: {message}": "值不对：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有 {name!r} 这个命令。",
    "No such option {name!r}.": "没有 {name!r} 这个选项。",
    "Option {name!r} does not take a value.": "选项 {name!r} 后面不用写值。",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本说明。",
    "Show the version and exit.": "显示版本号。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹，不是文件。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件，不是文件夹。",
    "directory": "文件夹",
    "file": "文件",
    "path": "路径",
    "default: {default}": "默认：{default}",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Aborted!": "已取消。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在 {range} 范围内。",
    "Did you mean {possibility}?": "是不是想写 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是想写 {possibilities} 之一？）",
    "Got unexpected extra argument ({args})": "多写了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多写了参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 后面要写一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 后面要写 {nargs} 个值。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选值（{choices}）之一。",
    "Directory": "文件夹",
    "File": "文件",
    "Path": "路径",
}
