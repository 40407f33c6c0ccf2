// sectools: the server's token (口令), typed once into the workbook's settings sheet — a row
// "服务器口令 | <token>" on the sheet sectools设置 — and remembered by this add-in afterwards.
globalThis.getAuth = async function () {
  let token = "";
  try {
    await Excel.run(async (context) => {
      for (const name of ["sectools设置", "sectools", "设置"]) {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        if (sheet.isNullObject) continue;
        const used = sheet.getUsedRange();
        used.load("values");
        await context.sync();
        for (const row of used.values) {
          const key = String(row[0] || "").trim();
          if (["服务器口令", "伺服器口令", "server_token", "token"].includes(key)) {
            token = String(row[1] || "").trim();
          }
        }
        if (token) break;
      }
    });
  } catch (e) {
    token = "";
  }
  if (token) {
    localStorage.setItem("sectools-token", token);
  } else {
    token = localStorage.getItem("sectools-token") || "";
  }
  return { token: token, provider: "custom" };
};
