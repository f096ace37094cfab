"""The ingest page (``/ingesta``) and its API twin (``/api/v1/ingest``): keys with role
``ingest`` upload files (CSRF-checked form in the browser, the key's header in the API);
each upload becomes a job whose progress and per-file results can be followed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from expediente.web import session
from expediente.web.errors import ApiError
from expediente.web.ingest import CHUNK, MAX_FILES, SUFFIXES, Job, safe_name
from expediente.web.pages import render
from expediente.web.state import Access, access, token_of

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1")
AccessDep = Annotated[Access, Depends(access)]
JobPath = Annotated[str, Path(min_length=16, max_length=16, pattern=r"^[0-9a-f]{16}$")]


def _require_ingest(acc: Access) -> str:
    key = acc.principal.key
    if key is None:
        raise ApiError(401, "unauthorized", "Subir documentos requiere una clave de API con rol «ingest» "
                       "(o una sesión abierta con ella en /acceso).")
    if key.role != "ingest":
        raise ApiError(403, "forbidden", "Su clave no tiene el rol «ingest»: no puede subir documentos.")
    return key.id


def _check_length(request: Request, limit: int) -> None:
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise ApiError(411, "length_required", "La subida debe declarar su tamaño (Content-Length).")
    if int(length) > limit:
        raise ApiError(413, "too_large", f"La subida pesa {int(length) / 1e6:.1f} MB y se admiten hasta "
                       f"{limit / 1e6:.0f} MB por vez.")


async def _save(acc: Access, request: Request, *, check_csrf: bool) -> Job:
    """Check and save the uploaded files; start their job."""
    key_id = _require_ingest(acc)
    limit = acc.state.settings.max_upload_bytes
    _check_length(request, limit)
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=5)
    except HTTPException:  # starlette's multipart limits
        raise ApiError(400, "bad_upload", f"La subida no se pudo leer: envíe hasta {MAX_FILES} archivos en el "
                       "campo «archivos» de un formulario multipart.") from None
    if check_csrf and not session.csrf_matches(request, str(form.get(session.CSRF_FIELD, ""))):
        raise ApiError(403, "csrf", "El formulario caducó o no vino de esta página: vuelva a cargarla.")
    uploads = [f for f in form.getlist("archivos") if isinstance(f, UploadFile) and f.filename]
    if not uploads:
        raise ApiError(400, "no_files", "No llegó ningún archivo (campo «archivos»).")
    for upload in uploads:
        if not upload.filename.lower().endswith(SUFFIXES):
            raise ApiError(400, "unsupported_type", f"«{upload.filename}» no es un tipo admitido: "
                           f"{', '.join(SUFFIXES)}.")
    job, folder = acc.state.jobs.new(key_id)
    names: list[str] = []
    try:
        for upload in uploads:
            name = safe_name(upload.filename)
            while name in names:
                name = f"_{name}"
            with (folder / name).open("wb") as out:
                while chunk := await upload.read(CHUNK):
                    out.write(chunk)
            names.append(name)
    except OSError as exc:
        acc.state.jobs.discard(job.id)
        raise ApiError(507, "storage", "No se pudieron guardar los archivos en la carpeta de datos.") from exc
    acc.state.jobs.start(job, names)
    return acc.state.jobs.get(job.id)


def _job(acc: Access, id: str) -> Job:
    key_id = _require_ingest(acc)
    job = acc.state.jobs.get(id)
    if job is None or job.key != key_id:
        raise ApiError(404, "not_found", f"No hay ninguna ingesta {id} de esta clave.")
    return job


# -- HTML --------------------------------------------------------------------------------

@router.get("/ingesta")
def ingest_page(request: Request, acc: AccessDep) -> Response:
    key_id = _require_ingest(acc)
    token = session.csrf_token(request)
    jobs = [j for j in acc.state.jobs.recent() if j.key == key_id]
    response = render(request, "ingest.html", csrf=token, jobs=jobs, suffixes=", ".join(SUFFIXES),
                      max_mb=acc.state.settings.max_upload_bytes // 1_000_000, max_files=MAX_FILES)
    session.set_cookie(response, request, session.CSRF_COOKIE, token, 24 * 3600)
    return response


@router.post("/ingesta")
async def ingest_upload(request: Request, acc: AccessDep) -> Response:
    job = await _save(acc, request, check_csrf=True)
    return RedirectResponse(f"/ingesta/{job.id}", status_code=303)


@router.get("/ingesta/{id}")
def ingest_job_page(request: Request, acc: AccessDep, id: JobPath) -> Response:
    return render(request, "ingest_job.html", job=_job(acc, id))


# -- API ---------------------------------------------------------------------------------

@api_router.post("/ingest", status_code=202, response_model=Job, summary="Subir documentos para ingerir "
                 "(clave con rol ingest en la cabecera; campo multipart «archivos»)")
async def ingest_api(request: Request, acc: AccessDep) -> Job:
    if token_of(request) is None:
        raise ApiError(401, "unauthorized", "La API de ingesta requiere la clave en la cabecera Authorization.")
    return await _save(acc, request, check_csrf=False)


@api_router.get("/ingest/{id}", response_model=Job, summary="Estado de una ingesta y el resultado de cada archivo")
def ingest_job_api(acc: AccessDep, id: JobPath) -> Job:
    return _job(acc, id)
