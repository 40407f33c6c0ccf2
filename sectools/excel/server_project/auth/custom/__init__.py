"""The shared secret of ``sectools excel serve``: every request's ``Authorization`` header must carry
the token the server was started with (``SECTOOLS_SERVER_TOKEN``), typed once into the workbook's
settings sheet (服务器口令) or the add-in, which ``static/js/auth.js`` sends."""

from sectools.excel.server import check_token  # noqa: F401  (xlwings-server calls validate_token)


async def validate_token(token_string: str):
    from fastapi import HTTPException, status
    from xlwings_server.models import User

    if check_token(token_string):
        return User(id="sectools", name="sectools")
    raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED,
                        detail="sectools：服务器口令不对或没有填写（在 sectools设置 表中填“服务器口令”）/ "
                               "wrong or missing server token (fill in 服务器口令 in the settings sheet)")
